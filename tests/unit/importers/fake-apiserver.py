#!/usr/bin/env python3
"""Just enough of a Kubernetes API server for `kubectl apply --dry-run=client --validate=false`
to run offline: API discovery for v1, apps/v1 and batch/v1, and 404 for every object (so
kubectl decodes each object strictly into its Go type and reports it as "created (dry run)").
Usage: fake-apiserver.py PORTFILE  (listens on 127.0.0.1:0, writes the port to PORTFILE)."""
import json
import sys
from http.server import BaseHTTPRequestHandler, HTTPServer

RES = {
    "v1": [("namespaces", "Namespace", False), ("configmaps", "ConfigMap", True),
           ("pods", "Pod", True)],
    "apps/v1": [("daemonsets", "DaemonSet", True)],
    "batch/v1": [("jobs", "Job", True)],
}


def resource_list(gv):
    return {"kind": "APIResourceList", "apiVersion": "v1", "groupVersion": gv,
            "resources": [{"name": n, "singularName": k.lower(), "namespaced": ns, "kind": k,
                           "verbs": ["create", "get", "list", "patch", "delete"]}
                          for n, k, ns in RES[gv]]}


class H(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def send(self, code, obj):
        body = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        p = self.path.split("?")[0]
        if p == "/api":
            return self.send(200, {"kind": "APIVersions", "versions": ["v1"],
                                   "serverAddressByClientCIDRs": [{"clientCIDR": "0.0.0.0/0",
                                                                   "serverAddress": "127.0.0.1"}]})
        if p == "/apis":
            groups = []
            for gv in ("apps/v1", "batch/v1"):
                g, v = gv.split("/")
                groups.append({"name": g, "versions": [{"groupVersion": gv, "version": v}],
                               "preferredVersion": {"groupVersion": gv, "version": v}})
            return self.send(200, {"kind": "APIGroupList", "apiVersion": "v1", "groups": groups})
        if p == "/api/v1":
            return self.send(200, resource_list("v1"))
        for gv in ("apps/v1", "batch/v1"):
            if p == "/apis/" + gv:
                return self.send(200, resource_list(gv))
        return self.send(404, {"kind": "Status", "apiVersion": "v1", "status": "Failure",
                               "reason": "NotFound", "code": 404, "message": "not found"})


srv = HTTPServer(("127.0.0.1", 0), H)
with open(sys.argv[1], "w") as fh:
    fh.write(str(srv.server_address[1]))
srv.serve_forever()
