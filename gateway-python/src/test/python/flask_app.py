"""A Flask application with a few routes, served through the gateway by the tests."""

import os
import tempfile

from flask import Flask, Response, abort, jsonify, request, send_file, url_for

app = Flask(__name__)

_download = os.path.join(tempfile.mkdtemp(prefix='gateway-flask-'), 'report.txt')
with open(_download, 'w', encoding='utf-8') as _file:
    _file.write('quarterly report\n' * 1000)


class Unavailable(Exception):
    """Raised by a view, answered by the error handler below."""


@app.get('/')
def index():
    return 'Hello from Flask'


@app.get('/greet')
def greet():
    return f"Hello, {request.args.get('name', 'World')}!"


@app.post('/form')
def form():
    return jsonify(name=request.form['name'], fields=sorted(request.form))


@app.post('/json')
def json_body():
    data = request.get_json()
    return jsonify(received=data, total=sum(data['numbers']))


@app.get('/items/<int:item_id>')
def item(item_id):
    if item_id > 3:
        abort(404)
    return jsonify(id=item_id, url=url_for('item', item_id=item_id))


@app.get('/maintenance')
def maintenance():
    raise Unavailable('back soon')


@app.get('/crash')
def crash():
    raise RuntimeError('an unhandled error')


@app.get('/download')
def download():
    return send_file(_download, mimetype='text/plain')


@app.get('/stream')
def stream():
    def generate():
        for index in range(3):
            yield f"part {index}\n"
    return Response(generate(), mimetype='text/plain')


@app.errorhandler(404)
def not_found(error):
    return jsonify(error='not found', path=request.path), 404


@app.errorhandler(Unavailable)
def unavailable(error):
    return jsonify(error=str(error)), 503
