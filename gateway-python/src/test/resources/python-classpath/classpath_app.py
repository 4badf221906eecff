"""A WSGI application imported from a python-path entry on the class path."""


def application(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'served from the class path']
