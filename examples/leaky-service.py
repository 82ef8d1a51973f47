# A stand-in for a service whose memory keeps rising: it holds a 30 MiB baseline and keeps
# every "request log" it ever made, 2 MiB a second. Used by the README's first command.
import os, signal, sys, time

signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
baseline = b"\x01" * (30 * 1024 * 1024)
request_logs = []
print(f"leaky-service {os.getpid()} serving", flush=True)
while True:
    request_logs.append(b"\x02" * (200 * 1024))
    time.sleep(0.1)
