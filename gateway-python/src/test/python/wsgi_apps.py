"""Standard-library WSGI applications the gateway-python tests serve.

`validated` runs each route inside CPython's own wsgiref.validate.validator and records every assertion and
warning it raises, which `/violations` reports; `plain` serves the same routes and a few more without it.
"""

import atexit
import importlib
import io
import json
import os
import sys
import tempfile
import threading
import urllib.parse
import warnings
from wsgiref import validate

_violations = []
_check = validate.assert_


def _recording_check(condition, *args):
    if not condition:
        _violations.append(' '.join(str(arg) for arg in args))
    _check(condition, *args)


validate.assert_ = _recording_check
_show_warning = warnings.showwarning


def _recording_show_warning(message, category, filename, lineno, file=None, line=None):
    if issubclass(category, validate.WSGIWarning):
        _violations.append(f"{category.__name__}: {message}")
    else:
        _show_warning(message, category, filename, lineno, file, line)


warnings.showwarning = _recording_show_warning
warnings.simplefilter('always', validate.WSGIWarning)

# Set on the thread that imports the module: a context's worker thread, which serves every request after.
_thread_state = threading.local()
_thread_state.value = 'set at import'

_FILE_CONTENT = b''.join(b'line %04d of a file sent through wsgi.file_wrapper\n' % n for n in range(2000))
_file_path = os.path.join(tempfile.mkdtemp(prefix='gateway-python-tests-'), 'sent.txt')
with open(_file_path, 'wb') as _file:
    _file.write(_FILE_CONTENT)


def _text(start_response, text, status='200 OK', headers=()):
    body = text.encode('utf-8')
    start_response(status, [('Content-Type', 'text/plain; charset=utf-8'),
                            ('Content-Length', str(len(body)))] + list(headers))
    return [body]


def _query(environ):
    return dict(pair.partition('=')[::2] for pair in environ.get('QUERY_STRING', '').split('&') if pair)


def hello(environ, start_response):
    return _text(start_response, 'Hello, World!\n')


def echo(environ, start_response):
    """Read the body the way ?mode= says and answer with what was read, so every input method is exercised."""
    stream = environ['wsgi.input']
    mode = _query(environ).get('mode', 'read')
    if mode == 'read':
        # wsgiref.validate wants a size: the declared length, or -1 (all) for a chunked upload.
        data = stream.read(int(environ.get('CONTENT_LENGTH') or -1))
    elif mode == 'read-all':
        data = stream.read()
    elif mode == 'sized':
        data = b''.join(iter(lambda: stream.read(7), b''))
    elif mode == 'readline':
        data = b''.join(iter(stream.readline, b''))
    elif mode == 'readline-sized':
        data = b'|'.join(iter(lambda: stream.readline(5), b''))
    elif mode == 'readlines':
        data = b''.join(stream.readlines())
    elif mode == 'iterate':
        data = b''.join(line for line in stream)
    else:
        raise ValueError(f"unknown mode {mode!r}")
    start_response('200 OK', [('Content-Type', 'application/octet-stream'),
                              ('X-Content-Length', environ.get('CONTENT_LENGTH', 'none')),
                              ('X-Input-Terminated', str(environ.get('wsgi.input_terminated')))])
    return [data]


def stream(environ, start_response):
    """Call start_response lazily, from the generator, and yield chunks one at a time."""
    count = int(_query(environ).get('chunks', '3'))
    progress = environ.get('test.progress')
    start_response('200 OK', [('Content-Type', 'text/plain')])
    for index in range(count):
        if progress is not None:
            progress.add(f"yielded {index}")
        yield b'chunk %d\n' % index


def writer(environ, start_response):
    write = start_response('200 OK', [('Content-Type', 'text/plain')])
    write(b'written first\n')
    write(b'')
    return [b'returned after\n']


def file_wrapper(environ, start_response):
    """Send a real file, or a file-like object, through wsgi.file_wrapper from a position."""
    query = _query(environ)
    if query.get('source') == 'bytesio':
        filelike = io.BytesIO(_FILE_CONTENT)
    else:
        filelike = open(_file_path, 'rb')
    filelike.seek(int(query.get('offset', '0')))
    headers = [('Content-Type', 'text/plain')]
    if 'length' in query:
        headers.append(('Content-Length', query['length']))
    start_response('200 OK', headers)
    return environ['wsgi.file_wrapper'](filelike, int(query.get('block', '8192')))


def error(environ, start_response):
    """Fail inside the application and answer with exc_info, as frameworks do when rendering an error page."""
    try:
        raise RuntimeError('the application failed')
    except RuntimeError:
        start_response('200 OK', [('Content-Type', 'text/plain')])
        body = b'custom error page\n'
        start_response('500 Internal Server Error', [('Content-Type', 'text/plain'),
                                                     ('Content-Length', str(len(body)))], sys.exc_info())
        return [body]


def error_first(environ, start_response):
    """Answer a failure with exc_info on the first call of start_response, as PEP 3333's own example does."""
    try:
        raise RuntimeError('the application failed before it chose a status')
    except RuntimeError:
        body = b'first-call error page\n'
        start_response('503 Service Unavailable', [('Content-Type', 'text/plain'),
                                                   ('Content-Length', str(len(body)))], sys.exc_info())
        return [body]


def page(environ, start_response):
    """Answer as Flask does, with a charset in the Content-Type, for HEAD as for GET: the server drops the body."""
    body = b'<p>a page</p>\n'
    start_response('200 OK', [('Content-Type', 'text/html; charset=utf-8'), ('Content-Length', str(len(body)))])
    return [body]


def violations(environ, start_response):
    """Report what the validator found since the last report, as a JSON list."""
    report = json.dumps(_violations)
    _violations.clear()
    return _text(start_response, report)


def thread(environ, start_response):
    """Say which Python thread serves the request, and what it holds of the state set at import."""
    return _text(start_response, f"{threading.get_ident()} {getattr(_thread_state, 'value', None)}")


ROUTES = {'/hello': hello, '/thread': thread, '/echo': echo, '/stream': stream, '/write': writer, '/file': file_wrapper,
          '/error': error, '/error-first': error_first, '/page': page}
VALIDATED = {path: validate.validator(route) for path, route in ROUTES.items()}


def _not_found(environ, start_response):
    return _text(start_response, 'no such route\n', '404 Not Found')


def validated(environ, start_response):
    """Serve ROUTES inside wsgiref.validate; /violations reports what it found."""
    path = environ['PATH_INFO']
    if path == '/violations':
        return violations(environ, start_response)
    return VALIDATED.get(path, validate.validator(_not_found))(environ, start_response)


# Routes only `plain` serves: what the validator would refuse or hide.

def environ_dump(environ, start_response):
    """Describe each environ value as a line: key, Python type, repr."""
    return _text(start_response, ''.join(f"{key} {type(value).__name__} {value!r}\n"
                                         for key, value in sorted(environ.items())))


def late_error(environ, start_response):
    """Fail after the headers were sent: start_response must raise exc_info again."""
    write = start_response('200 OK', [('Content-Type', 'text/plain')])
    write(b'partial body\n')
    try:
        raise KeyError('failed after the headers were sent')
    except KeyError:
        start_response('500 Internal Server Error', [('Content-Type', 'text/plain')], sys.exc_info())
    return [b'unreachable\n']


def raising(environ, start_response):
    """Raise an exception whose message is the decoded query, which may hold line breaks and control chars."""
    raise ValueError('raised by the application: ' + urllib.parse.unquote(environ['QUERY_STRING']))


def bad_header(environ, start_response):
    """Break a rule of SPEC §5.2 and report what start_response raised, from Python."""
    try:
        start_response('200 OK', [('Content-Type', 'text/plain'), ('X-Bad', 'a\r\nInjected: yes')])
    except ValueError as error:
        return _text(start_response, f"ValueError: {error}")
    return _text(start_response, 'start_response accepted the header')


def reach(environ, start_response):
    """Report the environ's Java objects, and how far Python gets from a Java object any application can obtain: the
    Java exception behind the ValueError of a refused header."""
    try:
        start_response('200 OK', [('X-Bad', 'a\r\nb')])
        raise AssertionError('start_response accepted a header value with CR LF')
    except ValueError as error:
        java = error._gateway_java_exception
    given = ' '.join(key for key in sorted(environ) if key.startswith('gateway.'))
    try:
        reached = java.getClass().getName()
    except Exception as error:
        reached = f"refused ({type(error).__name__})"
    try:
        system = java.getClass().getClassLoader().loadClass('java.lang.System')
        home = str(system.getMethod('getProperties').invoke(None).getProperty('java.home'))
    except Exception as error:
        home = f"refused ({type(error).__name__})"
    return _text(start_response, f"given: {given}\ngetClass: {reached}\njava.home: {home}\n")


class ClosingBody:
    """A body that tells the environ's test.on_close when closed, and may fail while iterated."""

    def __init__(self, fail, on_close):
        self.fail = fail
        self.on_close = on_close

    def __iter__(self):
        yield b'first\n'
        if self.fail:
            raise OSError('failed while iterating')
        yield b'second\n'

    def close(self):
        self.on_close.run()


def closing(environ, start_response):
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return ClosingBody(_query(environ).get('fail') == 'yes', environ['test.on_close'])


def start_twice(environ, start_response):
    """Break SPEC §5.4 and let Java's exception through, untouched."""
    start_response('200 OK', [('Content-Type', 'text/plain')])
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'unreachable\n']


def hold(environ, start_response):
    """Keep the context busy until the client has sent its whole body."""
    data = environ['wsgi.input'].read()
    return _text(start_response, f"held {len(data)} bytes")


def import_module(environ, start_response):
    """Import the module ?name= names and say what happened: its ANSWER, if it has one."""
    try:
        module = importlib.import_module(_query(environ)['name'])
        return _text(start_response, getattr(module, 'ANSWER', 'imported'))
    except Exception as error:
        return _text(start_response, type(error).__name__)


def log(environ, start_response):
    errors = environ['wsgi.errors']
    errors.write('first line from Python\nsecond ')
    errors.writelines(['line', ' from Python\n'])
    errors.flush()
    return _text(start_response, 'logged')


def read_from_java(environ, start_response):
    """Answer what the Java supplier under test.read gives, called from Python."""
    return _text(start_response, str(environ['test.read'].get()))


def exit_interpreter(environ, start_response):
    """End the whole interpreter, as a careless os._exit would."""
    os._exit(3)


def loop(environ, start_response):
    """Run Python without end, or while the file ?while= names exists; ?started sends the headers first."""
    query = _query(environ)
    flag = query.get('while')
    if 'started' in query:
        start_response('200 OK', [('Content-Type', 'text/plain')])('looping\n'.encode())
    while flag is None or os.path.exists(flag):
        pass
    return _text(start_response, 'looped') if 'started' not in query else [b'looped\n']


def one_chunk(environ, start_response):
    """Return one chunk in a list without a Content-Length, which the server then sets from the chunk."""
    start_response('200 OK', [('Content-Type', 'text/plain')])
    return [b'one chunk\n']


PLAIN = dict(ROUTES, **{'/one-chunk': one_chunk, '/environ': environ_dump, '/late-error': late_error, '/raise': raising,
                        '/bad-header': bad_header, '/reach': reach, '/closing': closing, '/start-twice': start_twice, '/hold': hold,
                        '/log': log, '/import': import_module,
                        '/loop': loop, '/read-from-java': read_from_java, '/exit': exit_interpreter})


def plain(environ, start_response):
    return PLAIN.get(environ['PATH_INFO'], _not_found)(environ, start_response)


def factory(greeting, punctuation='!'):
    """Build an application, for the 'module:factory(args)' spec."""
    def greet(environ, start_response):
        return _text(start_response, f"{greeting}{punctuation}")
    return greet


def finalising(marker):
    """Build `plain`, with an atexit handler that adds a line to the file marker when the interpreter finalises."""
    def write_marker():
        with open(marker, 'a') as file:
            file.write('atexit ran\n')
    atexit.register(write_marker)
    return plain


def failing_while(flag):
    """Build exit_context, unless the file flag names exists: then fail, as an application that cannot start."""
    if os.path.exists(flag):
        raise RuntimeError(f"cannot start while {flag} exists")
    return exit_context


def exit_context(environ, start_response):
    """End the whole interpreter on the query 'exit', as a careless os._exit would; greet otherwise."""
    if 'exit' in _query(environ):
        os._exit(3)
    return _text(start_response, 'still serving')
