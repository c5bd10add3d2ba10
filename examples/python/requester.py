#!/usr/bin/env python3
"""A zkml requester in Python: submit an inference to a coordinator, watch it,
fetch and check its proof file.

It uses only the wire API: prover/api/farm.proto, compiled here at start with
protoc's Python generator, and grpcio's generic calls (Debian: python3-grpcio,
python3-protobuf, protobuf-compiler). No Go code and no generated files are
needed.

    requester.py --coordinator 127.0.0.1:7700 --model MODEL_ID --input input.json --out proof.json

--token (or $ZKML_TOKEN) is the requester token, sent as the gRPC metadata
"authorization: Bearer TOKEN". --chain-job N delivers the input of a job
requested on a registry (zkml chain request) instead of --model. The job id
is the last line printed.
"""
import argparse
import importlib
import json
import os
import subprocess
import sys
import tempfile
import uuid

import grpc

HERE = os.path.dirname(os.path.abspath(__file__))
PROTO_DIR = os.path.normpath(os.path.join(HERE, "..", "..", "prover", "api"))


def load_api(proto_dir=PROTO_DIR):
    """Compiles farm.proto into a temporary module and imports it."""
    out = tempfile.mkdtemp(prefix="zkml-pb-")
    subprocess.run(["protoc", "-I", proto_dir, "--python_out", out, os.path.join(proto_dir, "farm.proto")], check=True)
    sys.path.insert(0, out)
    return importlib.import_module("farm_pb2")


class Requester:
    """The Requester and Models services over one channel."""

    def __init__(self, pb, address, token=""):
        self.pb = pb
        self.channel = grpc.insecure_channel(address)
        self.metadata = [("authorization", "Bearer " + token)] if token else []

    def _unary(self, service, method, req, resp, timeout=30):
        call = self.channel.unary_unary(f"/zkml.farm.v1.{service}/{method}",
                                        request_serializer=req.SerializeToString, response_deserializer=resp.FromString)
        return call(req, metadata=self.metadata, timeout=timeout)

    def get_model(self, model_id):
        return self._unary("Models", "GetModel", self.pb.GetModelRequest(model_id=model_id), self.pb.Model)

    def submit(self, input_json, model_id="", chain_job="", key=""):
        req = self.pb.SubmitJobRequest(model_id=model_id, input_json=input_json, idempotency_key=key, chain_job_id=chain_job)
        return self._unary("Requester", "SubmitJob", req, self.pb.Job)

    def watch(self, job_id, timeout=1800):
        call = self.channel.unary_stream("/zkml.farm.v1.Requester/WatchJob",
                                         request_serializer=self.pb.GetJobRequest.SerializeToString,
                                         response_deserializer=self.pb.Job.FromString)
        last = None
        for job in call(self.pb.GetJobRequest(job_id=job_id), metadata=self.metadata, timeout=timeout):
            last = job
            yield job
        if last is None:
            raise RuntimeError(f"the watch of job {job_id} ended without a state")

    def proof(self, job_id):
        return self._unary("Requester", "GetProof", self.pb.GetJobRequest(job_id=job_id), self.pb.Proof).proof_json


def check_input(model, data):
    """Refuses an input the model cannot take before it is sent, as the
    coordinator would: shape, and each value within its tensor's range."""
    if len(data) != len(model.inputs):
        raise ValueError(f"input_data holds {len(data)} inputs, the model has {len(model.inputs)}")
    for i, (t, vals) in enumerate(zip(model.inputs, data)):
        n = 1
        for d in t.shape:
            n *= d
        if len(vals) != n:
            raise ValueError(f"input {i} ({t.name}) holds {len(vals)} values, shape {list(t.shape)} needs {n}")
        for j, v in enumerate(vals):
            if not (t.min <= v <= t.max):
                raise ValueError(f"input {i} ({t.name}) element {j}: {v} is outside the model's range [{t.min}, {t.max}]")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--coordinator", required=True, help="HOST:PORT")
    ap.add_argument("--token", default=os.environ.get("ZKML_TOKEN", ""), help="requester token (default $ZKML_TOKEN)")
    ap.add_argument("--model", default="", help="model id (zkml model push printed it)")
    ap.add_argument("--chain-job", default="", help="a registry job id whose input this delivers")
    ap.add_argument("--input", required=True, help="input file: {\"input_data\": [[...]]}")
    ap.add_argument("--out", default="", help="write proof.json here")
    ap.add_argument("--proto-dir", default=PROTO_DIR, help="directory of farm.proto")
    args = ap.parse_args(argv)
    if not args.model and not args.chain_job:
        ap.error("--model or --chain-job is required")

    pb = load_api(args.proto_dir)
    r = Requester(pb, args.coordinator, args.token)
    raw = open(args.input, "rb").read()
    if args.model:
        m = r.get_model(args.model)
        shapes = ", ".join(f"{t.name} {list(t.shape)} in [{t.min:g}, {t.max:g}]" for t in m.inputs)
        print(f"model {m.model_id}: {m.constraints} constraints, inputs {shapes}, input {m.input_encoding}", file=sys.stderr)
        check_input(m, json.loads(raw)["input_data"])
    job = r.submit(raw, model_id=args.model, chain_job=args.chain_job, key=str(uuid.uuid4()))
    print(f"job {job.job_id} submitted", file=sys.stderr)
    final = None
    for j in r.watch(job.job_id):
        final = j
        state = pb.JobState.Name(j.state).removeprefix("JOB_STATE_").lower()
        print(f"job {j.job_id}: {state} {j.progress} (attempt {j.attempts})", file=sys.stderr)
    if final.state != pb.JOB_STATE_DONE:
        print(f"job {final.job_id} ended {pb.JobState.Name(final.state)}: {final.error}", file=sys.stderr)
        return 1
    proof = json.loads(r.proof(job.job_id))
    print(f"output_data {proof['output_data']}", file=sys.stderr)
    if args.out:
        with open(args.out, "w") as f:
            json.dump(proof, f, indent=1)
        print(f"proof written to {args.out} (check it with zkml verify)", file=sys.stderr)
    print(job.job_id)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except grpc.RpcError as e:  # the coordinator's status says what is wrong
        print(f"requester.py: {e.code().name}: {e.details()}", file=sys.stderr)
        sys.exit(2)
    except ValueError as e:
        print(f"requester.py: {e}", file=sys.stderr)
        sys.exit(2)
