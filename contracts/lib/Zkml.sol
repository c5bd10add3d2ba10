// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @title Packed zkml values: decode a verified output, pack an input.
/// @notice A zkml model's outputs (and its small inputs) travel as one field
/// element of offset-binary slots: slot i, `width` bits wide from bit
/// i·width, holds q_i + 2^(width-1), where q_i is the signed quantized value
/// and the real value is q_i / 2^fracBits (model.json's outputs[].bits,
/// frac_bits; the slot width is output_width, or input_width for inputs).
/// See docs/commitments.md.
library ZkmlPacked {
    error BadWidth(uint256 width);
    error SlotOutOfRange(uint256 index, uint256 slots);
    error ValueOutOfRange(uint256 index, int256 value);

    /// @notice How many width-bit slots one element holds.
    function slots(uint256 width) internal pure returns (uint256) {
        if (width == 0 || width > 64) revert BadWidth(width);
        return 253 / width;
    }

    /// @notice The signed quantized value in slot i.
    function at(uint256 packed, uint256 width, uint256 i) internal pure returns (int256) {
        uint256 n = slots(width);
        if (i >= n) revert SlotOutOfRange(i, n);
        uint256 u = (packed >> (i * width)) & ((1 << width) - 1);
        return int256(u) - int256(1 << (width - 1));
    }

    /// @notice The first n signed quantized values.
    function decode(uint256 packed, uint256 width, uint256 n) internal pure returns (int256[] memory out) {
        out = new int256[](n);
        for (uint256 i = 0; i < n; i++) {
            out[i] = at(packed, width, i);
        }
    }

    /// @notice A quantized value as an 18-decimal fixed-point number
    /// (q · 10^18 / 2^fracBits, rounded toward zero).
    function toWad(int256 q, uint256 fracBits) internal pure returns (int256) {
        return q * 1e18 / int256(1 << fracBits);
    }

    /// @notice The index of the largest of the first n values (the first on a tie).
    function argmax(uint256 packed, uint256 width, uint256 n) internal pure returns (uint256 best) {
        int256 top = at(packed, width, 0);
        for (uint256 i = 1; i < n; i++) {
            int256 v = at(packed, width, i);
            if (v > top) (top, best) = (v, i);
        }
    }

    /// @notice Packs signed quantized values into one element: the input a
    /// contract requests an inference on (for a model whose input_encoding
    /// is "packed"). Each value must lie in [-2^(width-1), 2^(width-1)).
    function pack(int256[] memory q, uint256 width) internal pure returns (uint256 packed) {
        uint256 n = slots(width);
        if (q.length > n) revert SlotOutOfRange(q.length, n);
        int256 off = int256(1 << (width - 1));
        for (uint256 i = 0; i < q.length; i++) {
            if (q[i] < -off || q[i] >= off) revert ValueOutOfRange(i, q[i]);
            packed |= uint256(q[i] + off) << (i * width);
        }
    }
}
