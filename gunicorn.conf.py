"""gunicorn's settings for the portal (read from the working folder; `make serve` and production use it).

Workers follow the CPU count (2 per core + 1, gunicorn's own advice) unless WEB_CONCURRENCY says otherwise;
HUP reloads them gracefully with new code. Requests are logged one line each to standard output.
"""

import multiprocessing
import os

wsgi_app = "portal.wsgi:application"
bind = os.environ.get("GUNICORN_BIND", f"127.0.0.1:{os.environ.get('PORT', '8000')}")
workers = int(os.environ.get("WEB_CONCURRENCY", multiprocessing.cpu_count() * 2 + 1))
timeout = 30
graceful_timeout = 20
keepalive = 5
# A worker is replaced after this many requests (with jitter), so a slow leak never grows for long.
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
# The TLS-terminating proxy on this host may say a request came over HTTPS.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")
# gunicorn's control socket lives in the home folder and would be shared by every clone on the machine;
# the portal is steered by signals (HUP, TERM) from the supervisor or systemd instead.
control_socket_disable = True
