#!/usr/bin/env python3
"""Keep a few programs running: restart any that dies, stop them all on Ctrl-C or TERM.

Usage: supervise.py NAME='COMMAND' [NAME='COMMAND' ...]
  e.g. supervise.py web='gunicorn portal.wsgi' worker='python manage.py db_worker --no-reload'

A program that exits is started again after a delay that doubles from 1 second up to --max-delay (and
falls back to 1 second once it has run for a minute), so a database outage is waited out, not fought.
HUP is passed on to every program: gunicorn reloads its workers gracefully; the task worker (which
stops on HUP) is started again with fresh code. INT or TERM stops every program, then the supervisor.
Only the standard library is used, so this runs before any virtual environment exists.
"""

import argparse
import os
import shlex
import signal
import subprocess
import sys
import time

STEADY_SECONDS = 60
STOP_TIMEOUT_SECONDS = 30  # gunicorn gets graceful_timeout (20 s) to finish requests


def log(message):
    print(f"[supervise] {message}", file=sys.stderr, flush=True)


class Program:
    def __init__(self, name, command, max_delay):
        self.name = name
        self.command = command
        self.max_delay = max_delay
        self.process = None
        self.started_at = 0.0
        self.delay = 1.0
        self.restart_at = 0.0

    def start(self):
        # Its own process group: a Ctrl-C reaches the supervisor only, which then stops each program in turn.
        self.process = subprocess.Popen(self.command, stdin=subprocess.DEVNULL, process_group=0)
        self.started_at = time.monotonic()
        log(f"{self.name} started (pid {self.process.pid})")

    def check(self, now):
        """Start the program again when it has exited and its delay has passed."""
        if self.process is None:
            if now >= self.restart_at:
                self.start()
            return
        code = self.process.poll()
        if code is None:
            return
        ran_for = now - self.started_at
        if ran_for >= STEADY_SECONDS:
            self.delay = 1.0
        log(f"{self.name} exited with code {code} after {ran_for:.0f} s; restarting in {self.delay:.0f} s")
        self.process = None
        self.restart_at = now + self.delay
        self.delay = min(self.delay * 2, self.max_delay)

    def send(self, signum):
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signum)


class Supervisor:
    def __init__(self, programs):
        self.programs = programs
        self.stopping = False
        self.pending_reload = False

    def handle_stop(self, signum, frame):
        self.stopping = True

    def handle_reload(self, signum, frame):
        self.pending_reload = True

    def run(self):
        signal.signal(signal.SIGINT, self.handle_stop)
        signal.signal(signal.SIGTERM, self.handle_stop)
        signal.signal(signal.SIGHUP, self.handle_reload)
        log(f"pid {os.getpid()}: HUP reloads every program, INT or TERM stops them")
        for program in self.programs:
            program.start()
        while not self.stopping:
            if self.pending_reload:
                self.pending_reload = False
                log("HUP: passing it on to every program")
                for program in self.programs:
                    program.send(signal.SIGHUP)
            now = time.monotonic()
            for program in self.programs:
                program.check(now)
            time.sleep(0.2)
        self.stop_all()

    def stop_all(self):
        log("stopping " + ", ".join(program.name for program in self.programs))
        for program in self.programs:
            program.send(signal.SIGTERM)
        deadline = time.monotonic() + STOP_TIMEOUT_SECONDS
        for program in self.programs:
            if program.process is None:
                continue
            try:
                program.process.wait(timeout=max(deadline - time.monotonic(), 0.1))
            except subprocess.TimeoutExpired:
                log(f"{program.name} did not stop in {STOP_TIMEOUT_SECONDS} s: killing it")
                program.process.kill()
                program.process.wait()
        log("stopped")


def parse_program(text):
    name, separator, command = text.partition("=")
    if not separator or not name or not command.strip():
        raise argparse.ArgumentTypeError(f"expected NAME='COMMAND', got {text!r}")
    return name, shlex.split(command)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("programs", nargs="+", type=parse_program, metavar="NAME='COMMAND'")
    parser.add_argument("--max-delay", type=float, default=10.0, help="longest wait before a restart (s)")
    options = parser.parse_args(argv)
    Supervisor([Program(name, command, options.max_delay) for name, command in options.programs]).run()


if __name__ == "__main__":
    main()
