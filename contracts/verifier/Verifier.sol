// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

/// @title Groth16 verifier on BN254 for zkml circuits.
/// @notice Verifies proofs of zkml circuits: five public inputs (model, input,
/// output, job, prover) and one BSB22 (Pedersen) commitment, as made by gnark
/// v0.15.0 with solidity.WithProverTargetSolidityVerifier(backend.GROTH16).
/// The verifying key is fixed at deployment (immutables), so one bytecode
/// serves every model.
/// @dev With the commitment C and its proof of knowledge Π, the proof
/// (A, B, C_krs) is valid iff
///   e(A, B) = e(α, β) · e(L, γ) · e(C_krs, δ)        (Groth16)
///   e(C, σ⁻G) · e(Π, G) = 1                            (Pedersen knowledge)
/// where h = keccak256(C.x ‖ C.y) mod r is the commitment's public input and
/// L = K₀ + Σ xᵢ·Kᵢ₊₁ + h·K₆ + C. Both checks are folded into one 6-pair
/// pairing with a Fiat-Shamir coefficient ρ over the whole statement:
///   e(−A, B) · e(α, β) · e(L, γ) · e(C_krs, δ) · e(ρ·C, σ⁻G) · e(ρ·Π, G) = 1.
/// A proof passing this with both checks not holding would need the two
/// pairing products (in the prime-order group G_T) to cancel for a ρ fixed
/// by hashing them, which happens with probability about 1/r.
contract Verifier {
    /// Base field modulus of BN254.
    uint256 internal constant P = 0x30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47;
    /// Scalar field modulus of BN254 (the public inputs live here).
    uint256 internal constant R = 0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001;
    /// Number of public inputs: model, input, output, job, prover.
    uint256 public constant PUBLIC_INPUTS = 5;
    /// Size of a proof: A, B, C_krs, the commitment and its proof of knowledge, 32-byte words.
    uint256 public constant PROOF_BYTES = 384;

    /// The verifying key. G1 points are (x, y); G2 points are in the EIP-197
    /// order (x.imaginary, x.real, y.imaginary, y.real), as gnark exports them.
    /// ic holds K₀..K₆: the constant, the five public inputs, the commitment hash.
    struct VerifyingKey {
        uint256[2] alpha;
        uint256[4] beta;
        uint256[4] gamma;
        uint256[4] delta;
        uint256[14] ic;
        uint256[4] pedersenG;
        uint256[4] pedersenGSigmaNeg;
    }

    /// A verifying key point is not on its curve.
    error InvalidVerifyingKey(string what);

    uint256 internal immutable ALPHA_X;
    uint256 internal immutable ALPHA_Y;
    uint256 internal immutable BETA_X1;
    uint256 internal immutable BETA_X0;
    uint256 internal immutable BETA_Y1;
    uint256 internal immutable BETA_Y0;
    uint256 internal immutable GAMMA_X1;
    uint256 internal immutable GAMMA_X0;
    uint256 internal immutable GAMMA_Y1;
    uint256 internal immutable GAMMA_Y0;
    uint256 internal immutable DELTA_X1;
    uint256 internal immutable DELTA_X0;
    uint256 internal immutable DELTA_Y1;
    uint256 internal immutable DELTA_Y0;
    uint256 internal immutable K0_X;
    uint256 internal immutable K0_Y;
    uint256 internal immutable K1_X;
    uint256 internal immutable K1_Y;
    uint256 internal immutable K2_X;
    uint256 internal immutable K2_Y;
    uint256 internal immutable K3_X;
    uint256 internal immutable K3_Y;
    uint256 internal immutable K4_X;
    uint256 internal immutable K4_Y;
    uint256 internal immutable K5_X;
    uint256 internal immutable K5_Y;
    uint256 internal immutable K6_X;
    uint256 internal immutable K6_Y;
    uint256 internal immutable PED_G_X1;
    uint256 internal immutable PED_G_X0;
    uint256 internal immutable PED_G_Y1;
    uint256 internal immutable PED_G_Y0;
    uint256 internal immutable PED_GSN_X1;
    uint256 internal immutable PED_GSN_X0;
    uint256 internal immutable PED_GSN_Y1;
    uint256 internal immutable PED_GSN_Y0;

    constructor(VerifyingKey memory vk) {
        if (!_onG1(vk.alpha[0], vk.alpha[1])) revert InvalidVerifyingKey("alpha");
        for (uint256 i = 0; i < 14; i += 2) {
            if (!_onG1(vk.ic[i], vk.ic[i + 1])) revert InvalidVerifyingKey("ic");
        }
        _checkG2(vk.beta, "beta");
        _checkG2(vk.gamma, "gamma");
        _checkG2(vk.delta, "delta");
        _checkG2(vk.pedersenG, "pedersenG");
        _checkG2(vk.pedersenGSigmaNeg, "pedersenGSigmaNeg");
        ALPHA_X = vk.alpha[0];
        ALPHA_Y = vk.alpha[1];
        BETA_X1 = vk.beta[0];
        BETA_X0 = vk.beta[1];
        BETA_Y1 = vk.beta[2];
        BETA_Y0 = vk.beta[3];
        GAMMA_X1 = vk.gamma[0];
        GAMMA_X0 = vk.gamma[1];
        GAMMA_Y1 = vk.gamma[2];
        GAMMA_Y0 = vk.gamma[3];
        DELTA_X1 = vk.delta[0];
        DELTA_X0 = vk.delta[1];
        DELTA_Y1 = vk.delta[2];
        DELTA_Y0 = vk.delta[3];
        K0_X = vk.ic[0];
        K0_Y = vk.ic[1];
        K1_X = vk.ic[2];
        K1_Y = vk.ic[3];
        K2_X = vk.ic[4];
        K2_Y = vk.ic[5];
        K3_X = vk.ic[6];
        K3_Y = vk.ic[7];
        K4_X = vk.ic[8];
        K4_Y = vk.ic[9];
        K5_X = vk.ic[10];
        K5_Y = vk.ic[11];
        K6_X = vk.ic[12];
        K6_Y = vk.ic[13];
        PED_G_X1 = vk.pedersenG[0];
        PED_G_X0 = vk.pedersenG[1];
        PED_G_Y1 = vk.pedersenG[2];
        PED_G_Y0 = vk.pedersenG[3];
        PED_GSN_X1 = vk.pedersenGSigmaNeg[0];
        PED_GSN_X0 = vk.pedersenGSigmaNeg[1];
        PED_GSN_Y1 = vk.pedersenGSigmaNeg[2];
        PED_GSN_Y0 = vk.pedersenGSigmaNeg[3];
    }

    /// @notice Verifies a proof.
    /// @param proof A (64 B) ‖ B (128 B, EIP-197 order) ‖ C_krs (64 B) ‖
    /// commitment (64 B) ‖ proof of knowledge (64 B): gnark's MarshalSolidity.
    /// @param input model, input, output, job, prover; each below r.
    /// @return true iff the proof is valid for these inputs. It never reverts
    /// on a bad proof or input; it returns false.
    function verifyProof(bytes calldata proof, uint256[5] calldata input) external view returns (bool) {
        if (proof.length != PROOF_BYTES) return false;
        uint256[12] memory p = abi.decode(proof, (uint256[12]));
        for (uint256 i = 0; i < 12; i++) {
            if (p[i] >= P) return false;
        }
        for (uint256 i = 0; i < 5; i++) {
            if (input[i] >= R) return false;
        }
        // The commitment's public input, as gnark hashes it to the field.
        uint256 h = uint256(keccak256(abi.encodePacked(p[8], p[9]))) % R;

        // L = K0 + Σ input[i]·K(i+1) + h·K6 + commitment
        uint256[2] memory l = [K0_X, K0_Y];
        bool ok = _mulAdd(l, K1_X, K1_Y, input[0]);
        ok = ok && _mulAdd(l, K2_X, K2_Y, input[1]);
        ok = ok && _mulAdd(l, K3_X, K3_Y, input[2]);
        ok = ok && _mulAdd(l, K4_X, K4_Y, input[3]);
        ok = ok && _mulAdd(l, K5_X, K5_Y, input[4]);
        ok = ok && _mulAdd(l, K6_X, K6_Y, h);
        if (!ok || !_add(l, p[8], p[9])) return false;

        // Folding coefficient over the whole statement.
        uint256 rho = uint256(keccak256(abi.encodePacked("zkml-groth16-bsb22", p, input))) % R;
        if (rho == 0) rho = 1;
        uint256[2] memory cm = [uint256(0), 0];
        uint256[2] memory pok = [uint256(0), 0];
        if (!_mulAdd(cm, p[8], p[9], rho) || !_mulAdd(pok, p[10], p[11], rho)) return false;

        uint256[36] memory e;
        // e(−A, B)
        e[0] = p[0];
        e[1] = (P - p[1]) % P;
        e[2] = p[2];
        e[3] = p[3];
        e[4] = p[4];
        e[5] = p[5];
        // e(α, β)
        e[6] = ALPHA_X;
        e[7] = ALPHA_Y;
        e[8] = BETA_X1;
        e[9] = BETA_X0;
        e[10] = BETA_Y1;
        e[11] = BETA_Y0;
        // e(L, γ)
        e[12] = l[0];
        e[13] = l[1];
        e[14] = GAMMA_X1;
        e[15] = GAMMA_X0;
        e[16] = GAMMA_Y1;
        e[17] = GAMMA_Y0;
        // e(C_krs, δ)
        e[18] = p[6];
        e[19] = p[7];
        e[20] = DELTA_X1;
        e[21] = DELTA_X0;
        e[22] = DELTA_Y1;
        e[23] = DELTA_Y0;
        // e(ρ·C, σ⁻G)
        e[24] = cm[0];
        e[25] = cm[1];
        e[26] = PED_GSN_X1;
        e[27] = PED_GSN_X0;
        e[28] = PED_GSN_Y1;
        e[29] = PED_GSN_Y0;
        // e(ρ·Π, G)
        e[30] = pok[0];
        e[31] = pok[1];
        e[32] = PED_G_X1;
        e[33] = PED_G_X0;
        e[34] = PED_G_Y1;
        e[35] = PED_G_Y0;

        uint256 one;
        assembly ("memory-safe") {
            let f := mload(0x40)
            ok := staticcall(gas(), 0x08, e, 0x480, f, 0x20)
            one := mload(f)
        }
        return ok && one == 1;
    }

    /// acc += s·(x, y) with the ecMul and ecAdd precompiles; false if a point
    /// is not on the curve.
    function _mulAdd(uint256[2] memory acc, uint256 x, uint256 y, uint256 s) internal view returns (bool ok) {
        assembly ("memory-safe") {
            let f := mload(0x40)
            mstore(f, x)
            mstore(add(f, 0x20), y)
            mstore(add(f, 0x40), s)
            ok := staticcall(gas(), 0x07, f, 0x60, f, 0x40)
            mstore(add(f, 0x40), mload(acc))
            mstore(add(f, 0x60), mload(add(acc, 0x20)))
            ok := and(ok, staticcall(gas(), 0x06, f, 0x80, acc, 0x40))
        }
    }

    /// acc += (x, y) with the ecAdd precompile.
    function _add(uint256[2] memory acc, uint256 x, uint256 y) internal view returns (bool ok) {
        assembly ("memory-safe") {
            let f := mload(0x40)
            mstore(f, x)
            mstore(add(f, 0x20), y)
            mstore(add(f, 0x40), mload(acc))
            mstore(add(f, 0x60), mload(add(acc, 0x20)))
            ok := staticcall(gas(), 0x06, f, 0x80, acc, 0x40)
        }
    }

    function _onG1(uint256 x, uint256 y) internal view returns (bool ok) {
        if (x >= P || y >= P) return false;
        assembly ("memory-safe") {
            let f := mload(0x40)
            mstore(f, x)
            mstore(add(f, 0x20), y)
            mstore(add(f, 0x40), 0)
            mstore(add(f, 0x60), 0)
            ok := staticcall(gas(), 0x06, f, 0x80, f, 0x40)
        }
    }

    /// A G2 point is checked by pairing it with the G1 generator and its
    /// negation: the precompile rejects points off the curve or outside the
    /// subgroup.
    function _checkG2(uint256[4] memory q, string memory what) internal view {
        bool ok = q[0] < P && q[1] < P && q[2] < P && q[3] < P;
        uint256 one;
        if (ok) {
            uint256[12] memory e = [uint256(1), 2, q[0], q[1], q[2], q[3], 1, P - 2, q[0], q[1], q[2], q[3]];
            assembly ("memory-safe") {
                let f := mload(0x40)
                ok := staticcall(gas(), 0x08, e, 0x180, f, 0x20)
                one := mload(f)
            }
        }
        if (!ok || one != 1) revert InvalidVerifyingKey(what);
    }
}
