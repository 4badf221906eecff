import json

from django.http import Http404, HttpResponse, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST


@require_GET
def index(request):
    return HttpResponse('Hello from Django', content_type='text/plain')


@require_GET
def greet(request):
    return HttpResponse(f"Hello, {request.GET.get('name', 'World')}!", content_type='text/plain')


@csrf_exempt
@require_POST
def form(request):
    return JsonResponse({'name': request.POST['name'], 'fields': sorted(request.POST)})


@csrf_exempt
@require_POST
def json_body(request):
    data = json.loads(request.body)
    return JsonResponse({'received': data, 'total': sum(data['numbers'])})


@require_GET
def item(request, item_id):
    if item_id > 3:
        raise Http404('no such item')
    return JsonResponse({'id': item_id, 'url': reverse('item', args=[item_id])})


def crash(request):
    raise RuntimeError('an unhandled error')


def not_found(request, exception):
    return JsonResponse({'error': 'not found', 'path': request.path}, status=404)


def server_error(request):
    return JsonResponse({'error': 'server error'}, status=500)
