"""The candidates of docs/PERFORMANCE.md: what each server is, how it starts, and what it is compared with.

Every candidate serves the same bytes (benchmarks/python/wsgi_bench.py, .../server/Payloads.java); the pre-flight
check in bench.py refuses to measure one that answers otherwise.
"""
import getpass
import os
from dataclasses import dataclass, field


@dataclass
class Candidate:
    name: str
    kind: str          # java, gunicorn, uwsgi or nginx
    describe: str
    baseline: str = None
    spring: list = field(default_factory=list)    # Spring Boot arguments of a Java candidate
    extra: list = field(default_factory=list)     # server arguments of a Python candidate
    app: str = "wsgi_bench:application"           # the WSGI application of a Python candidate
    python_path: bool = False                     # whether the candidate needs the Flask packages


SERVLET = "--spring.main.web-application-type=servlet"
# Netty refuses a request line over 4 KiB by default (414), Tomcat's limit is 8 KiB: the echo's is 4 KiB and a bit.
REACTIVE = ["--spring.main.web-application-type=reactive", "--server.netty.max-initial-line-length=8KB"]
VIRTUAL = "--spring.threads.virtual.enabled=true"

LOAD = [
    Candidate("mvc-mount", "java", "gateway mount, Spring MVC on Tomcat, platform threads", "mvc-controller",
              ["--spring.profiles.active=mount", SERVLET]),
    Candidate("mvc-mount-virtual", "java", "gateway mount, Spring MVC on Tomcat, virtual threads", "mvc-controller",
              ["--spring.profiles.active=mount", SERVLET, VIRTUAL]),
    Candidate("mvc-controller", "java", "plain @RestController, same Tomcat and Boot", None,
              ["--spring.profiles.active=controller", SERVLET]),
    Candidate("mvc-servlet", "java", "plain HttpServlet, same Tomcat and Boot", "mvc-controller",
              ["--spring.profiles.active=servlet", SERVLET]),
    Candidate("webflux-mount", "java", "gateway mount, WebFlux on Reactor Netty, the gateway's executor",
              "webflux-handler", ["--spring.profiles.active=mount"] + REACTIVE),
    Candidate("webflux-handler", "java", "plain WebFlux handler functions, same Netty and Boot", None,
              ["--spring.profiles.active=handler"] + REACTIVE),
    Candidate("gunicorn-sync", "gunicorn", "Gunicorn, sync workers (one per core), CPython", None,
              extra=["-k", "sync"]),
    Candidate("gunicorn-gthread", "gunicorn", "Gunicorn, gthread workers (one per core, 4 threads), CPython",
              "gunicorn-sync", extra=["-k", "gthread", "--threads", "4"]),
    Candidate("uwsgi", "uwsgi", "uWSGI, --http11-socket, processes = cores, CPython", "gunicorn-sync"),
    Candidate("flask-gateway", "java", "Flask through gateway-python (GraalPy), Spring MVC", "flask-gunicorn",
              ["--spring.profiles.active=flask", SERVLET], python_path=True),
    Candidate("flask-gunicorn", "gunicorn", "the same Flask app, Gunicorn sync workers, CPython", None,
              extra=["-k", "sync"], app="flask_bench:app", python_path=True),
]

BODIES = [
    Candidate("mvc-mount", "java", "gateway mounts, Spring MVC on Tomcat", None,
              ["--spring.profiles.active=bodies", SERVLET]),
    Candidate("webflux-mount", "java", "gateway mounts, WebFlux on Reactor Netty", None,
              ["--spring.profiles.active=bodies"] + REACTIVE),
    Candidate("gunicorn-sync", "gunicorn", "Gunicorn, sync worker, CPython (reference)", None, extra=["-k", "sync"]),
    Candidate("nginx", "nginx", "nginx, sendfile on (the file only)", None),
]

BLOCKING = [
    Candidate("mvc-platform", "java", "Spring MVC on Tomcat, platform threads (200)", None,
              ["--spring.profiles.active=blocking", SERVLET]),
    Candidate("mvc-virtual", "java", "Spring MVC on Tomcat, virtual threads", None,
              ["--spring.profiles.active=blocking", SERVLET, VIRTUAL]),
    Candidate("webflux-executor", "java", "WebFlux, the gateway's executor (200 threads, queue 100)", None,
              ["--spring.profiles.active=blocking"] + REACTIVE),
    Candidate("webflux-virtual", "java", "WebFlux, the gateway's executor on virtual threads (max-threads 1000)",
              None, ["--spring.profiles.active=blocking"] + REACTIVE
              + [VIRTUAL, "--gateway.reactive.max-threads=1000"]),
]

# The uwsgi mode's candidates are ports of one nginx (uwsgi_mode.py starts them): what each path crosses.
UWSGI = [
    Candidate("nginx-uwsgi-gateway", "nginx", "nginx -> uwsgi_pass -> the gateway's uwsgi listener (Spring MVC app)"),
    Candidate("nginx-http-gateway", "nginx", "nginx -> proxy_pass, HTTP/1.1 kept alive -> the same gateway on Tomcat"),
    Candidate("nginx-uwsgi-cpython", "nginx", "nginx -> uwsgi_pass -> uWSGI, processes = cores, CPython"),
]

MODES = {"load": LOAD, "bodies": BODIES, "blocking": BLOCKING, "uwsgi": UWSGI}


@dataclass
class Setup:
    """What every candidate's command needs: tools, folders, and the cores it runs on."""
    java: str
    jar: str
    python_dir: str
    packages_dir: str
    cpus: str
    heap: str
    data_file: str
    work_dir: str
    jvm_args: list = field(default_factory=list)   # after -Xms/-Xmx, for every Java candidate

    @property
    def workers(self):
        """One Python worker per server core, as Gunicorn's and uWSGI's documentation size them per core."""
        return len(self.cpus.split(","))


def command(candidate, port, setup):
    """Return (argv, extra environment) to start the candidate on port."""
    python_path = "%s,%s" % (setup.python_dir, setup.packages_dir)
    if candidate.kind == "java":
        argv = [setup.java, "-Xms" + setup.heap, "-Xmx" + setup.heap] + setup.jvm_args + [
                "-jar", setup.jar, "--server.port=%d" % port, "--server.address=127.0.0.1",
                "--bench.file=" + setup.data_file] + candidate.spring
        if candidate.python_path:
            # The default .pyc cache, the user's, outlives a clean build: a second run imports Flask from it.
            argv.append("--gateway.python.apps.flask.python-path=" + python_path)
        return argv, {}
    if candidate.kind == "gunicorn":
        argv = ["gunicorn", "--bind", "127.0.0.1:%d" % port, "--workers", str(setup.workers),
                "--limit-request-line", "8190", "--timeout", "300", "--log-level", "warning",
                "--chdir", setup.python_dir] + candidate.extra
        if candidate.python_path:
            argv += ["--pythonpath", python_path]
        return argv + [candidate.app], {"BENCH_FILE": setup.data_file}
    if candidate.kind == "uwsgi":
        argv = ["uwsgi", "--plugin", "python3", "--http11-socket", "127.0.0.1:%d" % port,
                "--wsgi-file", os.path.join(setup.python_dir, "wsgi_bench.py"), "--master",
                "--processes", str(setup.workers), "--buffer-size", "16384", "--listen", "1024",
                "--disable-logging", "--die-on-term", "--need-app"]
        return argv, {"BENCH_FILE": setup.data_file}
    if candidate.kind == "nginx":
        conf = os.path.join(setup.work_dir, "nginx-%d.conf" % port)
        with open(conf, "w") as out:
            out.write(NGINX % {"user": getpass.getuser(), "workers": setup.workers, "prefix": setup.work_dir,
                               "temp_paths": NGINX_TEMP_PATHS % {"prefix": setup.work_dir},
                               "port": port, "root": os.path.dirname(setup.data_file),
                               "file": os.path.basename(setup.data_file)})
        return ["nginx", "-p", setup.work_dir, "-c", conf], {}
    raise ValueError("unknown candidate kind %r" % candidate.kind)


# nginx's temporary folders below the harness's work folder (%(prefix)s), where the harness's user may write.
NGINX_TEMP_PATHS = """    client_body_temp_path %(prefix)s/nginx-body;
    proxy_temp_path %(prefix)s/nginx-proxy;
    fastcgi_temp_path %(prefix)s/nginx-fastcgi;
    uwsgi_temp_path %(prefix)s/nginx-uwsgi;
    scgi_temp_path %(prefix)s/nginx-scgi;"""

# Workers run as the harness's user, not nginx's default nobody, who may not reach a checkout below a home folder.
NGINX = """daemon off;
user %(user)s;
master_process on;
worker_processes %(workers)d;
pid %(prefix)s/nginx-%(port)d.pid;
error_log stderr warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    tcp_nopush on;
%(temp_paths)s
    server {
        listen 127.0.0.1:%(port)d;
        location = /hello { default_type text/plain; return 200 "Hello, World!"; }
        location = /file { root %(root)s; try_files /%(file)s =404; default_type application/octet-stream; }
    }
}
"""
