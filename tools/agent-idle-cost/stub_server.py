"""A stand-in Floyo ingest endpoint for the idle-cost benchmark: answers POST /api/v1/events with 202 and one
"accepted" result per event, and appends the number of events of each batch to COUNT_FILE.

    python3 stub_server.py PORT_FILE COUNT_FILE    # listens on 127.0.0.1, a free port written to PORT_FILE
"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port_file, count_file = sys.argv[1], sys.argv[2]


class Ingest(BaseHTTPRequestHandler):
    def do_POST(self):
        events = json.loads(self.rfile.read(int(self.headers["Content-Length"])))["events"]
        body = json.dumps({"results": [{"index": i, "status": "accepted"} for i in range(len(events))]}).encode()
        self.send_response(202)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        with open(count_file, "a") as counts:
            counts.write(f"{len(events)}\n")

    def log_message(self, *args):
        pass


server = ThreadingHTTPServer(("127.0.0.1", 0), Ingest)
with open(port_file, "w") as port:
    port.write(str(server.server_address[1]))
server.serve_forever()
