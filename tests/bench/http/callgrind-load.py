# Load for callgrind-per-request.sh: N keep-alive requests of one kind over 4 connections,
# pipelined DEPTH deep. Prints the count of answers by status.
import socket, sys, json, collections
port, kind, n, depth = int(sys.argv[1]), sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
def session():
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"POST /api/sessions HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n")
    data = b""
    while b"\r\n\r\n" not in data or len(data) < data.index(b"\r\n\r\n") + 4 + int(data.split(b"Content-Length: ")[1].split(b"\r\n")[0]):
        data += s.recv(65536)
    return json.loads(data.split(b"\r\n\r\n", 1)[1])["token"]
token = session()
def req(i, c):
    if kind == "mixed":  # connections 0 and 1 hold seats of event 2, 2 and 3 read its availability
        if c >= 2:
            return b"GET /api/events/2/availability HTTP/1.1\r\nHost: x\r\n\r\n"
    elif kind == "get":
        return b"GET /api/events/1/availability HTTP/1.1\r\nHost: x\r\n\r\n"
    elif kind == "304":
        return b"GET /api/events/1/availability HTTP/1.1\r\nHost: x\r\nIf-None-Match: *\r\n\r\n"
    seat = 1 + (i * 7919 + (c * 1250 if kind == "mixed" else 0)) % 2500
    return (f"POST /api/events/2/seats/{seat}/hold HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer {token}\r\n"
            f"Idempotency-Key: cg-{c}-{i}\r\nContent-Length: 0\r\n\r\n").encode()
statuses = collections.Counter()
conns = [socket.create_connection(("127.0.0.1", port)) for _ in range(4)]
per = n // len(conns)
for c, s in enumerate(conns):
    s.setblocking(True)
def read_one(s, buf):
    while True:
        end = buf.find(b"\r\n\r\n")
        if end >= 0:
            head = buf[:end].decode()
            length = 0
            for line in head.split("\r\n"):
                if line.lower().startswith("content-length:"):
                    length = int(line.split(":")[1])
            if len(buf) >= end + 4 + length:
                statuses[int(head[9:12])] += 1
                return buf[end + 4 + length:]
        buf += s.recv(262144)
bufs = [b""] * len(conns)
sent = [0] * len(conns)
done = [0] * len(conns)
while any(d < per for d in done):
    for c, s in enumerate(conns):
        if done[c] >= per:
            continue
        batch = b""
        while sent[c] < per and sent[c] - done[c] < depth:
            batch += req(sent[c], c); sent[c] += 1
        if batch:
            s.sendall(batch)
        bufs[c] = read_one(s, bufs[c]); done[c] += 1
print(dict(statuses))
