"""Serve a WSGI application (PEP 3333) from the gateway's Java engine.

Evaluated once in each GraalPy context of a PythonApplication's pool. Java looks the functions at the end of
this file up once per context, and per request calls call(), then iterate(), next_chunk() and close().
The environ shims are plain Python classes, so applications and wsgiref.validate see real dicts, bytes,
str and file-like objects; each shim calls back into Java through the per-request callables passed to call().
"""

import ast
import builtins
import importlib
import importlib.machinery
import io
import os
import stat
import sys
import traceback

from polyglot import ForeignException

# Java reads at most this many bytes at once; larger sizes mean "all" anyway.
_MAX_SIZE = 2**31 - 1
_END = object()
_kind = None


def init(kind):
    """Keep the Java callable that describes a Java exception as [Python type, message]; hide C extensions."""
    global _kind
    _kind = kind
    # Contexts run without native access, and GraalPy loads C extensions into one context per process only: once
    # one context tried, the others raise SystemError, which code like Django's `try: import termios` does not
    # expect. A path hook that knows no extension loader makes every context raise ImportError instead, so that
    # packages fall back to their pure-Python code alike in each context.
    machinery = importlib.machinery
    for index, hook in enumerate(sys.path_hooks):
        if getattr(hook, '__qualname__', '').startswith('FileFinder.path_hook'):
            sys.path_hooks[index] = machinery.FileFinder.path_hook(
                (machinery.SourceFileLoader, machinery.SOURCE_SUFFIXES),
                (machinery.SourcelessFileLoader, machinery.BYTECODE_SUFFIXES))
    sys.path_importer_cache.clear()


def _python_error(error):
    """Turn a Java exception raised in a callback into the Python exception an application can catch."""
    kind = _kind(error)
    if kind is None:
        # A Java Error (out of memory, stack overflow): let it unwind to the server untouched.
        return error
    python_error = getattr(builtins, str(kind[0]))(str(kind[1]))
    # Java recovers the original exception from here if the application lets it propagate.
    python_error._gateway_java_exception = error
    return python_error


def _size(size):
    if size is None:
        return -1
    size = size.__index__()
    return size if size < _MAX_SIZE else _MAX_SIZE


def load(spec, python_path):
    """Import a Gunicorn-style application spec, 'module:name' or 'module:factory(args)', and return it."""
    try:
        return _load(spec, python_path)
    except BaseException as error:
        raise Failure(error) from None


def _load(spec, python_path):
    for entry in reversed(python_path):
        if entry not in sys.path:
            sys.path.insert(0, entry)
    module_name, colon, expression = spec.partition(':')
    if not colon:
        expression = 'application'
    module = importlib.import_module(module_name)
    try:
        node = ast.parse(expression.strip(), mode='eval').body
    except SyntaxError:
        raise ValueError(f"cannot parse {expression!r} as an attribute name or a function call") from None
    if isinstance(node, ast.Name):
        application = _attribute(module, node.id)
    elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        try:
            args = [ast.literal_eval(arg) for arg in node.args]
            kwargs = {keyword.arg: ast.literal_eval(keyword.value) for keyword in node.keywords}
        except ValueError:
            raise ValueError(f"the arguments of {expression!r} must be Python literals") from None
        application = _attribute(module, node.func.id)(*args, **kwargs)
    else:
        raise ValueError(f"{expression!r} is neither an attribute name nor a function call")
    if application is None:
        raise ValueError(f"{spec!r} gave None, not a WSGI application")
    if not callable(application):
        raise TypeError(f"{spec!r} gave {type(application).__name__!r} object, which is not callable")
    return application


def _attribute(module, name):
    try:
        return getattr(module, name)
    except AttributeError:
        raise AttributeError(f"module {module.__name__!r} has no attribute {name!r}") from None


class Input:
    """wsgi.input: a binary file-like over the Java request body."""

    __slots__ = ('_read', '_readline')

    def __init__(self, read, readline):
        self._read = read
        self._readline = readline

    def read(self, size=-1):
        try:
            return bytes(self._read(_size(size)))
        except ForeignException as error:
            raise _python_error(error) from None

    def readline(self, size=-1):
        try:
            return bytes(self._readline(_size(size)))
        except ForeignException as error:
            raise _python_error(error) from None

    def readlines(self, hint=-1):
        hint = _size(hint)
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                return lines

    def __iter__(self):
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line


class Errors:
    """wsgi.errors: a text file-like whose lines go to the Java log."""

    __slots__ = ('_write', '_flush')

    def __init__(self, write, flush):
        self._write = write
        self._flush = flush

    def write(self, text):
        if type(text) is not str:
            raise TypeError(f"wsgi.errors.write() needs a str, not {type(text).__name__}")
        self._write(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        self._flush()


class StartResponse:
    """start_response(status, headers, exc_info=None): checks Python types, then hands over to Java."""

    __slots__ = ('_start', '_write')

    def __init__(self, start, write):
        self._start = start
        self._write = write

    def __call__(self, status, headers, exc_info=None):
        if type(status) is not str:
            raise TypeError(f"the status must be a str, not {type(status).__name__}")
        if type(headers) is not list:
            raise TypeError(f"the headers must be a list, not {type(headers).__name__}")
        flat = []
        for header in headers:
            if type(header) is not tuple or len(header) != 2:
                raise TypeError(f"each header must be a (name, value) tuple, not {header!r}")
            name, value = header
            if type(name) is not str or type(value) is not str:
                raise TypeError(f"header names and values must be str, not {header!r}")
            flat.append(name)
            flat.append(value)
        if exc_info is None:
            error_type = error = None
        else:
            error_type = exception_type(exc_info[1])
            error = format_exception(exc_info[1])
        try:
            rethrow = self._start(status, flat, error_type, error)
        except ForeignException as java_error:
            raise _python_error(java_error) from None
        if rethrow:
            # The headers were sent: PEP 3333 wants the application's own exception raised again.
            raise exc_info[1].with_traceback(exc_info[2])
        return self.write

    def write(self, data):
        if type(data) is not bytes:
            raise TypeError(f"write() needs bytes, not {type(data).__name__}")
        try:
            self._write(data)
        except ForeignException as error:
            raise _python_error(error) from None


class FileWrapper:
    """wsgi.file_wrapper: iterates any file-like; Java sends a real file itself when it is returned as is."""

    __slots__ = ('filelike', 'blksize', 'close')

    def __init__(self, filelike, blksize=8192):
        self.filelike = filelike
        self.blksize = blksize
        if hasattr(filelike, 'close'):
            self.close = filelike.close

    def __iter__(self):
        return self

    def __next__(self):
        data = self.filelike.read(self.blksize)
        if data:
            return data
        raise StopIteration


class Failure(Exception):
    """Carry an exception out to Java with its traceback already formatted.

    Raised instead of the application's exception, so that Java never has to walk that exception's frames.
    """

    def __init__(self, error):
        super().__init__()
        self.python_type = exception_type(error)
        self.traceback = format_exception(error)
        # Set when the application let through the exception a Java callback raised.
        self.java_exception = getattr(error, '_gateway_java_exception', None)


def call(application, keys, values, read, readline, log, flush, start, write, multiprocess):
    """Call the application with a new environ; return what it returned."""
    environ = dict(zip(keys, values))
    environ['wsgi.version'] = (1, 0)
    environ['wsgi.input'] = Input(read, readline)
    environ['wsgi.errors'] = Errors(log, flush)
    environ['wsgi.file_wrapper'] = FileWrapper
    # One request at a time per context, like a pre-forked worker process: see PythonApplication.
    environ['wsgi.multithread'] = False
    environ['wsgi.multiprocess'] = multiprocess
    try:
        return application(environ, StartResponse(start, write))
    except ForeignException:
        # A Java exception the glue did not translate, such as an Error: Java gets it back as it was.
        raise
    except BaseException as error:
        raise Failure(error) from None


def sendable_file(result):
    """Return [path, position, block size, device, inode] when the result is a real file Java may send itself."""
    if type(result) is not FileWrapper or not isinstance(result.filelike, (io.BufferedIOBase, io.RawIOBase)):
        return None
    filelike = result.filelike
    try:
        name = filelike.name
        if type(name) is not str or type(result.blksize) is not int or result.blksize < 1:
            return None
        status = os.fstat(filelike.fileno())
        if not stat.S_ISREG(status.st_mode):
            return None
        # Flush first: a file opened for writing too may still hold bytes Java must see.
        filelike.flush()
        return [os.path.abspath(name), filelike.tell(), result.blksize, status.st_dev, status.st_ino]
    except (AttributeError, OSError, ValueError):
        return None


def known_length(result):
    """Return the length of a body of one bytes chunk in a list or tuple, known before iterating; else -1."""
    if type(result) in (list, tuple) and len(result) == 1 and type(result[0]) is bytes:
        return len(result[0])
    return -1


def iterate(result):
    try:
        return iter(result)
    except ForeignException:
        raise
    except BaseException as error:
        raise Failure(error) from None


def next_chunk(iterator):
    """Return the body's next chunk, or None at its end."""
    try:
        chunk = next(iterator, _END)
    except ForeignException:
        raise
    except BaseException as error:
        raise Failure(error) from None
    if chunk is _END:
        return None
    if type(chunk) is not bytes:
        raise Failure(TypeError(f"the application's body yielded {type(chunk).__name__}, not bytes"))
    return chunk


def close(result):
    method = getattr(result, 'close', None)
    if method is None:
        return
    try:
        method()
    except ForeignException:
        raise
    except BaseException as error:
        raise Failure(error) from None


def format_exception(error):
    """Format the traceback as Python prints it, safe to log: only the traceback's own lines break it.

    An exception's message and notes are the application's data, often the client's: their line breaks are
    escaped, so that a message can never pass for a log line of its own, and every line's CR, NUL and other
    control characters too, as the engine escapes what it logs (docs/SPEC.md §7).
    """
    report = traceback.TracebackException.from_exception(error)
    pending, seen = [report], set()
    while pending:
        current = pending.pop()
        if id(current) in seen:
            continue
        seen.add(id(current))
        if type(getattr(current, '_str', None)) is str:
            current._str = _escape(current._str)
        notes = getattr(current, '__notes__', None)
        if isinstance(notes, (list, tuple)):
            current.__notes__ = [_escape(str(note)) for note in notes]
        pending.extend(chained for chained in (current.__cause__, current.__context__) if chained is not None)
        pending.extend(getattr(current, 'exceptions', None) or ())
    return '\n'.join(_escape(line) for line in ''.join(report.format()).rstrip('\n').split('\n'))


def _escape(text):
    """Escape CR as \\r, LF as \\n, and every other control character but tab as \\xNN."""
    return ''.join(char if char == '\t' or not _is_control(char)
                   else '\\r' if char == '\r' else '\\n' if char == '\n' else f"\\x{ord(char):02x}"
                   for char in text)


def _is_control(char):
    code = ord(char)
    return code < 0x20 or 0x7f <= code < 0xa0 or code in (0x2028, 0x2029)


def exception_type(error):
    error_type = type(error)
    return error_type.__qualname__ if error_type.__module__ == 'builtins' else \
        f"{error_type.__module__}.{error_type.__qualname__}"


{
    'init': init, 'load': load, 'call': call, 'sendable_file': sendable_file, 'known_length': known_length,
    'iterate': iterate, 'next_chunk': next_chunk, 'close': close,
}
