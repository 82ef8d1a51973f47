// The seed scenario's receiver in Go, as in golang/go#40448: a TCP server on 127.0.0.1,
// one goroutine per connection (the demo opens 5), and every message read through a
// fresh bufio.Reader, whose 4 KiB buffer becomes garbage at once. At a few messages a
// second that garbage takes minutes to reach the 4 MiB that triggers Go's first GC, so no
// GC runs and RSS creeps up. Built by `rssdoctor demo --runtime go` with the local go.
//
// Protocol (same as the Node receiver): a 4-byte big-endian length, then the payload; the
// answer is a 4-byte checksum. Usage: receiver --port-file F [--leak] [--recent N]
// [--fixed-file F]
//
// SIGUSR1 applies the fix the report gives, late rather than at start-up:
// debug.FreeOSMemory(), a forced GC (the first, so Go's 2-minute periodic GC starts too, as
// after runtime.GC()) that also returns the freed pages at once; then it writes
// --fixed-file, so the demo knows when to read RSS again.
package main

import (
	"bufio"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"net"
	"os"
	"os/signal"
	"runtime/debug"
	"sync"
	"syscall"
)

// Refuse absurd frames rather than allocate them: the demo's messages are a few KiB.
const maxFrameBytes = 16 * 1024 * 1024

var (
	leak   = flag.Bool("leak", false, "keep every payload forever")
	recent = flag.Int("recent", 0, "keep the last N messages for dedupe (a bounded window: live data the GC must mark)")
	keptMu sync.Mutex
	kept   [][]byte
	// The dedupe window: messages by sequence number, the oldest evicted past --recent.
	seen   = map[uint64]*message{}
	seq    uint64
	oldest uint64
)

// A message as the dedupe window keeps it: decoded into one reading per 64 bytes (the
// sensors' values), so the window is pointer-rich live data the GC must trace.
type message struct {
	readings []*reading
	sum      uint32
	prev     *message
}

type reading struct {
	value uint32
	next  *reading
}

func decode(payload []byte) []*reading {
	readings := make([]*reading, 0, len(payload)/64+1)
	var last *reading
	for i := 0; i < len(payload); i += 64 {
		r := &reading{value: uint32(payload[i]), next: last}
		readings = append(readings, r)
		last = r
	}
	return readings
}

func main() {
	portFile := flag.String("port-file", "", "write the listening port here (0600)")
	fixedFile := flag.String("fixed-file", "", "written (0600) each time SIGUSR1's fix is done")
	flag.Parse()
	fixes := make(chan os.Signal, 1)
	signal.Notify(fixes, syscall.SIGUSR1)
	go func() {
		for range fixes {
			debug.FreeOSMemory()
			if *fixedFile != "" {
				_ = os.WriteFile(*fixedFile, []byte("fixed"), 0o600)
			}
		}
	}()
	if *portFile == "" {
		fmt.Fprintln(os.Stderr, "receiver: --port-file is required")
		os.Exit(2)
	}
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, "receiver:", err)
		os.Exit(1)
	}
	port := listener.Addr().(*net.TCPAddr).Port
	if err := os.WriteFile(*portFile, []byte(fmt.Sprint(port)), 0o600); err != nil {
		fmt.Fprintln(os.Stderr, "receiver:", err)
		os.Exit(1)
	}
	for {
		conn, err := listener.Accept()
		if err != nil {
			continue
		}
		go handle(conn)
	}
}

func handle(conn net.Conn) {
	defer conn.Close()
	var header [4]byte
	ack := make([]byte, 4)
	for {
		if _, err := io.ReadFull(conn, header[:]); err != nil {
			return
		}
		length := binary.BigEndian.Uint32(header[:])
		if length > maxFrameBytes {
			return
		}
		// As in the original report: a new reader per message. The limit keeps it from
		// reading ahead into the next message, which a pipelining sender may have sent.
		reader := bufio.NewReader(io.LimitReader(conn, int64(length)))
		payload := make([]byte, length)
		if _, err := io.ReadFull(reader, payload); err != nil {
			return
		}
		sum := checksum(payload)
		if *leak || *recent > 0 {
			keptMu.Lock()
			if *leak {
				kept = append(kept, payload)
			} else {
				seq++
				seen[seq] = &message{readings: decode(payload), sum: sum, prev: seen[seq-1]}
				for seq-oldest >= uint64(*recent) {
					oldest++
					if next := seen[oldest+1]; next != nil {
						next.prev = nil
					}
					delete(seen, oldest)
				}
			}
			keptMu.Unlock()
		}
		binary.BigEndian.PutUint32(ack, sum)
		if _, err := conn.Write(ack); err != nil {
			return
		}
	}
}

// The Node receiver's checksum: every 64th byte, folded.
func checksum(payload []byte) uint32 {
	var sum uint32
	for i := 0; i < len(payload); i += 64 {
		sum = sum*31 + uint32(payload[i])
	}
	return sum
}
