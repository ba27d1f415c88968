from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from govportal.core.throttle import throttle
from govportal.core.views import too_many_requests
from govportal.translit import to_cyrillic, to_latin

from .forms import MAX_CHARACTERS, TransliterationForm


@require_http_methods(["GET", "HEAD", "POST"])
@throttle("translit", response=too_many_requests)
def translit_tool(request: HttpRequest) -> HttpResponse:
    """Paste text, get it back in the other script: a plain form, no JavaScript.

    Each client address may make ``THROTTLE_RATES["translit"]`` requests (30 a
    minute by default); past that it gets the ``429`` page in its language.
    """
    result = None
    if request.method == "POST":
        form = TransliterationForm(request.POST)
        if form.is_valid():
            convert = (
                to_cyrillic
                if form.cleaned_data["direction"] == "cyrillic"
                else to_latin
            )
            result = convert(
                form.cleaned_data["text"], lang=form.cleaned_data["language"]
            )
    else:
        form = TransliterationForm()
    status = 400 if request.method == "POST" and not form.is_valid() else 200
    context = {"form": form, "result": result, "max_characters": MAX_CHARACTERS}
    return render(request, "cyrillic/translit_tool.html", context, status=status)
