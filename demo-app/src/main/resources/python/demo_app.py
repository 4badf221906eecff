"""The demo's Python application: standard library only, served by GraalPy inside the Spring Boot demo at /py.

    curl localhost:8080/py/                    a greeting that says where the request landed
    curl localhost:8080/py/environ             the CGI strings of the environ, as JSON
    curl -d 'name=Ada' localhost:8080/py/form  a form body, parsed by urllib.parse
"""

import json
import platform
import sys
from urllib.parse import parse_qs


def _respond(environ, start_response, status, content_type, text):
    body = text.encode('utf-8')
    start_response(status, [('Content-Type', content_type), ('Content-Length', str(len(body)))])
    # The same for HEAD: the server sends the headers and drops the body, as under any WSGI server.
    return [body]


def index(environ):
    return ('200 OK', 'text/plain; charset=utf-8',
            f"Hello from Python {platform.python_version()} on {sys.implementation.name}!\n"
            f"SCRIPT_NAME={environ['SCRIPT_NAME']!r} PATH_INFO={environ['PATH_INFO']!r}\n")


def show_environ(environ):
    strings = {key: value for key, value in environ.items() if type(value) is str}
    return '200 OK', 'application/json', json.dumps(strings, indent=2, sort_keys=True) + '\n'


def form(environ):
    if environ['REQUEST_METHOD'] != 'POST':
        return '405 Method Not Allowed', 'text/plain; charset=utf-8', 'POST a form here\n'
    length = int(environ.get('CONTENT_LENGTH') or 0)
    fields = parse_qs(environ['wsgi.input'].read(length).decode('utf-8'))
    return '200 OK', 'application/json', json.dumps(fields, sort_keys=True) + '\n'


ROUTES = {'/': index, '': index, '/environ': show_environ, '/form': form}


def application(environ, start_response):
    route = ROUTES.get(environ['PATH_INFO'])
    if route is None:
        return _respond(environ, start_response, '404 Not Found', 'text/plain; charset=utf-8', 'Not found\n')
    return _respond(environ, start_response, *route(environ))
