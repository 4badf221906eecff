"""The Flask application served both by gateway-python (GraalPy) and by Gunicorn (CPython) in benchmarks/run.sh."""
from flask import Flask, Response, request

HELLO = b"Hello, World!"

app = Flask(__name__)


@app.get("/hello")
def hello():
    return Response(HELLO, content_type="text/plain")


@app.get("/echo")
def echo():
    return Response(request.query_string, content_type="text/plain")
