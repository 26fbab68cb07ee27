from django.http import HttpResponse


def index(request):
    return HttpResponse("ClusterMeet")


def detail(request, event_slug):
    return HttpResponse(event_slug)
