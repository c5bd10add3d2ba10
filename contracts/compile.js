// Compiles the zkml contracts with the solc-js version pinned in
// package-lock.json and writes each contract's ABI (X.abi) and creation
// bytecode (X.bin) beside its source. Run by `go generate ./contracts`.
//
//   node compile.js                  compile contracts/*/X.sol
//   node compile.js --standard-json  solc standard JSON on stdin -> stdout
//                                    (tests compile other sources this way)
'use strict';
const fs = require('fs');
const path = require('path');
const solc = require('solc');

// Settings pinned for reproducible bytecode.
const settings = {
  evmVersion: 'prague',
  optimizer: { enabled: true, runs: 200 },
  metadata: { bytecodeHash: 'none', appendCBOR: false },
  outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object', 'evm.deployedBytecode.object'] } },
};

// findImports resolves an import the way solc's remappings would: a package
// (@openzeppelin/...) from node_modules, anything else from this directory.
function findImports(p) {
  for (const base of [path.join(__dirname, 'node_modules'), __dirname]) {
    const f = path.join(base, p);
    if (fs.existsSync(f)) return { contents: fs.readFileSync(f, 'utf8') };
  }
  return { error: `${p}: not found in node_modules or ${__dirname}` };
}

function compile(input) {
  const out = JSON.parse(solc.compile(JSON.stringify(input), { import: findImports }));
  const errors = (out.errors || []).filter((e) => e.severity === 'error');
  if (errors.length > 0) {
    for (const e of errors) process.stderr.write(e.formattedMessage + '\n');
    process.exit(1);
  }
  return out;
}

if (process.argv[2] === '--standard-json') {
  const input = JSON.parse(fs.readFileSync(0, 'utf8'));
  input.settings = Object.assign({}, settings, input.settings || {});
  process.stdout.write(JSON.stringify(compile(input)));
  process.exit(0);
}

const contracts = { verifier: 'Verifier', registry: 'Registry', examples: 'RebalanceVault' };
const sources = {};
for (const [dir, name] of Object.entries(contracts)) {
  const file = `${dir}/${name}.sol`;
  sources[file] = { content: fs.readFileSync(path.join(__dirname, file), 'utf8') };
}
const out = compile({ language: 'Solidity', sources, settings });
for (const [dir, name] of Object.entries(contracts)) {
  const c = out.contracts[`${dir}/${name}.sol`][name];
  fs.writeFileSync(path.join(__dirname, dir, `${name}.abi`), JSON.stringify(c.abi, null, 1) + '\n');
  fs.writeFileSync(path.join(__dirname, dir, `${name}.bin`), c.evm.bytecode.object + '\n');
  process.stderr.write(`${name}: ${c.evm.deployedBytecode.object.length / 2} bytes runtime, ${c.evm.bytecode.object.length / 2} bytes creation (solc ${solc.version()})\n`);
}
