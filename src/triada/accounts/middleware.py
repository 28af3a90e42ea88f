"""Sign-in guards that apply to every request (filled in by the two-factor work)."""


class SignInGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)
