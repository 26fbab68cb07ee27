from django.http import HttpResponse


def _todo(request, *args, **kwargs):
    return HttpResponse("")


programme = session_detail = bookmark = agenda = speakers = speaker_detail = _todo
