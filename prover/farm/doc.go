// Package farm is the proving farm's coordinator. Requesters submit jobs
// (model + input) over gRPC; the coordinator stores them in a store.JobStore,
// leases each to one connected worker whose memory fits the model, keeps the
// lease alive while the worker heartbeats, and verifies every returned proof
// against the model's verifying key and the job's own input, job id and
// prover address before it marks the job done.
//
// Leases are fenced: every lease carries a token, and heartbeats and results
// that name an older token are ignored, so a late or zombie worker cannot
// overwrite a newer attempt. A dropped worker stream puts its job back at once
// (counting the attempt); a reaper requeues leases whose TTL passed (a worker
// or coordinator that died); after MaxAttempts the job fails with the reason
// of the last attempt. Graceful shutdown hands leases back without counting
// them.
//
// Models are artifact directories (zkml compile --out DIR) pushed in chunks and
// stored content-addressed under DataDir/models/<id>, where id is the SHA-256
// of model.json (which itself holds the SHA-256 of every other file). Workers
// fetch them by that id and cache them.
package farm
