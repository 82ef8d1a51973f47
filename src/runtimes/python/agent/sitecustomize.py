# rssdoctor's Python agent. `rssdoctor run` puts this folder first on PYTHONPATH, so every
# Python process of the run imports it at start-up (the `site` module's sitecustomize
# hook), then the user's own sitecustomize, if any, is imported as usual.
#
# It speaks the agent protocol (src/sources/agent-protocol.cts: NDJSON over the run's private unix
# socket, RSSDOCTOR_AGENT_SOCKET): a hello; after each full collection (gc.callbacks,
# generation 2) the live size; every tick the allocator's figures; and it answers the
# controls `gc` (gc.collect()) and `release` (gc.collect(), then malloc_trim(0)).
#
# The live size: sys.getallocatedblocks() counts pymalloc's blocks (objects of at most 512
# bytes); CPython exposes no byte count for them. The interpreter as it started is
# measured once, when this file loads (its RssAnon outside malloc: code, modules, arenas),
# and each block allocated since counts a nominal SMALL_BLOCK_BYTES. Larger objects come
# from malloc, whose in-use bytes glibc's mallinfo2() gives. Reference counting frees most garbage at once, so what is left after
# a full collection is what the program holds.
#
# It never writes to the program's stdout or stderr, and any failure leaves the program
# running as if it were not there. Python 3.8+.

import os
import sys

SMALL_BLOCK_BYTES = 64


def _rssdoctor_agent():
    socket_path = os.environ.get("RSSDOCTOR_AGENT_SOCKET")
    if not socket_path:
        return
    import collections
    import ctypes
    import gc
    import json
    import platform
    import select
    import socket
    import threading
    import time

    interval_s = max(0.05, int(os.environ.get("RSSDOCTOR_AGENT_INTERVAL_MS", "1000")) / 1000)
    malloc_every_s = int(os.environ.get("RSSDOCTOR_AGENT_MALLOC_EVERY_MS", "10000")) / 1000

    class Mallinfo2(ctypes.Structure):
        _fields_ = [(name, ctypes.c_size_t) for name in (
            "arena", "ordblks", "smblks", "hblks", "hblkhd",
            "usmblks", "fsmblks", "uordblks", "fordblks", "keepcost")]

    libc = None
    malloc_why = None
    try:
        libc = ctypes.CDLL(None)
        libc.mallinfo2.restype = Mallinfo2
        libc.malloc_trim.argtypes = [ctypes.c_size_t]
    except (OSError, AttributeError):
        libc = None
        malloc_why = "mallinfo2 is not available (glibc 2.33+ needed)"

    def malloc_figures():
        if libc is None:
            return None
        info = libc.mallinfo2()
        return {"inUseBytes": info.uordblks + info.hblkhd, "freeBytes": info.fordblks,
                "mmapBytes": info.hblkhd}

    def small_bytes():
        grown = max(0, sys.getallocatedblocks() - base["blocks"])
        return base["bytes"] + grown * SMALL_BLOCK_BYTES

    def live_bytes():
        figures = malloc_figures()
        return small_bytes() + (figures["inUseBytes"] if figures else 0)

    def anon_bytes():
        try:
            with open("/proc/self/status") as status:
                for line in status:
                    if line.startswith("RssAnon:"):
                        return int(line.split()[1]) * 1024
        except (OSError, ValueError, IndexError):
            pass
        return None

    def rss_bytes():
        # None when it cannot be read: a 0 would make every release look complete.
        try:
            with open("/proc/self/statm") as statm:
                return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except (OSError, ValueError, IndexError):
            return None

    start_malloc = malloc_figures()
    start_anon = anon_bytes()
    base = {
        "blocks": sys.getallocatedblocks(),
        "bytes": max(0, (start_anon or 0) - (start_malloc["inUseBytes"] if start_malloc else 0)),
    }
    outbox = collections.deque()
    state = {"forced": False, "start": 0.0, "minor": 0, "minorPauseMs": 0.0, "full": 0}
    # What the agent itself costs the program, measured inside it when
    # RSSDOCTOR_AGENT_COST_FILE is set (bench/python-overhead.mjs reads it): its callbacks'
    # time (an upper bound: the timing is counted too), its thread's CPU, forced collections apart.
    cost = {"callback_s": 0.0, "thread_s": 0.0, "forced_s": 0.0}

    def on_gc(phase, info):
        entered = time.perf_counter()
        try:
            observe_gc(phase, info)
        finally:
            cost["callback_s"] += time.perf_counter() - entered

    def observe_gc(phase, info):
        if phase == "start":
            state["start"] = time.perf_counter()
            return
        pause_ms = (time.perf_counter() - state["start"]) * 1000
        if info.get("generation") != 2:
            state["minor"] += 1
            state["minorPauseMs"] += pause_ms
            return
        state["full"] += 1
        outbox.append({"t": "gc", "pid": os.getpid(), "threadId": 0, "kind": "full",
                       "forced": state["forced"], "count": 1, "pauseMs": pause_ms,
                       "liveBytes": live_bytes()})

    def collect(forced):
        state["forced"] = forced
        started = time.perf_counter()
        try:
            gc.collect()
        finally:
            state["forced"] = False
            cost["forced_s"] += time.perf_counter() - started

    def heap_message():
        small = small_bytes()
        figures = malloc_figures()
        total = small + (figures["inUseBytes"] + figures["freeBytes"] if figures else 0)
        return {"t": "heap", "pid": os.getpid(), "threadId": 0, "usedHeapBytes": small,
                "totalHeapBytes": total, "externalBytes": 0, "arrayBuffersBytes": 0}

    def control(message):
        started = time.perf_counter()
        before = rss_bytes()
        collect(True)
        trimmed = False
        if message.get("action") == "release" and libc is not None:
            libc.malloc_trim(0)
            trimmed = True
        after = rss_bytes()
        # Fresh figures after the action: the breakdown at the end reads them.
        outbox.append(heap_message())
        figures = malloc_figures()
        if figures is not None:
            outbox.append(dict({"t": "malloc", "pid": os.getpid()}, **figures))
        result = {"t": "control-result", "pid": os.getpid(), "id": message.get("id"),
                  "action": message.get("action"), "durationMs": (time.perf_counter() - started) * 1000,
                  "trimmed": trimmed}
        if before is not None and after is not None:
            result["rssBeforeBytes"] = before
            result["rssAfterBytes"] = after
        outbox.append(result)

    def run(sock):
        def send(message):
            sock.sendall((json.dumps(message) + "\n").encode())

        hello = {"t": "hello", "pid": os.getpid(), "ppid": os.getppid(), "argv": list(sys.argv),
                 "runtime": "python", "runtimeVersion": platform.python_version(),
                 "mallocAvailable": libc is not None}
        if malloc_why is not None:
            hello["mallocWhy"] = malloc_why
        send(hello)
        buffered = b""
        next_malloc = 0.0
        while True:
            readable, _, _ = select.select([sock], [], [], interval_s)
            if readable:
                chunk = sock.recv(65536)
                if not chunk:
                    return
                buffered += chunk
                while b"\n" in buffered:
                    line, buffered = buffered.split(b"\n", 1)
                    try:
                        message = json.loads(line)
                    except ValueError:
                        continue
                    if message.get("t") == "control":
                        control(message)
            pid = os.getpid()
            send(heap_message())
            if state["minor"] > 0:
                send({"t": "gc", "pid": pid, "threadId": 0, "kind": "minor", "forced": False,
                      "count": state["minor"], "pauseMs": state["minorPauseMs"]})
                state["minor"] = 0
                state["minorPauseMs"] = 0.0
            now = time.monotonic()
            if now >= next_malloc:
                next_malloc = now + malloc_every_s
                figures = malloc_figures()
                if figures is not None:
                    send(dict({"t": "malloc", "pid": pid}, **figures))
            while outbox:
                send(outbox.popleft())
            cost["thread_s"] = time.thread_time()

    def start():
        try:
            sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            sock.connect(socket_path)
        except OSError:
            return
        def guarded():
            try:
                run(sock)
            except Exception:
                pass
            finally:
                sock.close()
        threading.Thread(target=guarded, name="rssdoctor-agent", daemon=True).start()

    cost_file = os.environ.get("RSSDOCTOR_AGENT_COST_FILE")
    if cost_file:
        import atexit

        def write_cost():
            with open(cost_file, "w") as out:
                json.dump({"callbackMs": cost["callback_s"] * 1000,
                           "threadMs": cost["thread_s"] * 1000,
                           "forcedMs": cost["forced_s"] * 1000,
                           "programCpuMs": time.process_time() * 1000}, out)
        atexit.register(write_cost)

    # The timing wrapper only when asked: each collection calls it, and timing costs too.
    gc.callbacks.append(on_gc if cost_file else observe_gc)
    if hasattr(os, "register_at_fork"):
        # A forked child is another process: its own connection, its own hello.
        os.register_at_fork(after_in_child=lambda: (outbox.clear(), start()))
    start()


def _chain_user_sitecustomize():
    # The user's sitecustomize, if one is further on the path, still runs: this folder is
    # taken off the path for the import, then put back.
    here = os.path.dirname(os.path.abspath(__file__))
    saved = list(sys.path)
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != here]
    own = sys.modules.pop("sitecustomize", None)
    try:
        import importlib.util
        if importlib.util.find_spec("sitecustomize") is not None:
            import sitecustomize  # noqa: F401
    except Exception:
        pass
    finally:
        sys.path[:] = saved
        if own is not None and "sitecustomize" not in sys.modules:
            sys.modules["sitecustomize"] = own


try:
    _rssdoctor_agent()
except Exception:
    pass
_chain_user_sitecustomize()
