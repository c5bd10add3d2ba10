// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IInferenceConsumer, Registry} from "../registry/Registry.sol";
import {ZkmlPacked} from "../lib/Zkml.sol";

/// @title Example: a vault that rebalances only on a verified model answer.
/// @notice The vault keeps the market features it observes (quantized, as
/// the model takes them), asks a registered model for advice on them by
/// escrowing a job with itself as the consumer, and when the registry calls
/// back with a proven output, rebalances if the model's "rebalance" score
/// beats its "hold" score. Nothing off chain can make it act: only the
/// registry calls onInference, and only after the proof of this model on
/// exactly these features verified.
contract RebalanceVault is IInferenceConsumer {
    Registry public immutable registry;
    uint256 public immutable model;
    address public immutable keeper;
    /// The model's input and output slot widths (model.json's input_width
    /// and output_width), and which outputs mean hold and rebalance.
    uint8 public immutable inputWidth;
    uint8 public immutable outputWidth;
    uint8 public immutable holdIndex;
    uint8 public immutable rebalanceIndex;
    /// Gas reserved for onInference (it writes one storage slot: about 30k
    /// under Osaka's rules, more where storage creation costs more).
    uint32 public immutable callbackGas;

    int256[] public features;
    uint256 public pendingJob;
    /// The last verified scores, quantized (real = q / 2^frac_bits), and
    /// the rebalances done: one storage slot, so a callback writes one.
    int64 public lastHold;
    int64 public lastRebalance;
    uint64 public rebalances;

    event Observed(uint256 input);
    event AdviceRequested(uint256 indexed job, uint256 input);
    event Advice(uint256 indexed job, int256 hold, int256 rebalance, bool acted);

    error NotKeeper(address caller);
    error NotRegistry(address caller);
    error UnexpectedJob(uint256 job, uint256 pending);
    error AdvicePending(uint256 job);

    constructor(
        Registry registry_,
        uint256 model_,
        uint8 inputWidth_,
        uint8 outputWidth_,
        uint8 holdIndex_,
        uint8 rebalanceIndex_,
        uint32 callbackGas_
    ) payable {
        registry = registry_;
        model = model_;
        keeper = msg.sender;
        inputWidth = inputWidth_;
        outputWidth = outputWidth_;
        holdIndex = holdIndex_;
        rebalanceIndex = rebalanceIndex_;
        callbackGas = callbackGas_;
    }

    receive() external payable {}

    /// @notice The keeper records the features (quantized at the model's input scale).
    function observe(int256[] calldata q) external {
        if (msg.sender != keeper) revert NotKeeper(msg.sender);
        features = q;
        emit Observed(ZkmlPacked.pack(q, inputWidth));
    }

    /// @notice Asks the model about the current features, paying its price
    /// from the vault's balance; anyone may call it.
    function requestAdvice(uint64 deadline) external returns (uint256 job) {
        if (pendingJob != 0) revert AdvicePending(pendingJob);
        uint256 input = ZkmlPacked.pack(features, inputWidth);
        (, uint96 price,,,,,,) = registry.models(model);
        job = registry.requestJob{value: price}(model, input, deadline, address(this), callbackGas);
        pendingJob = job;
        emit AdviceRequested(job, input);
    }

    /// @notice Forgets a request whose deadline passed unproved (the
    /// registry refunds the escrow to this vault's credit).
    function cancelAdvice() external {
        uint256 job = pendingJob;
        registry.refund(job);
        pendingJob = 0;
    }

    /// @inheritdoc IInferenceConsumer
    function onInference(uint256 job, uint256 model_, uint256 output) external {
        if (msg.sender != address(registry)) revert NotRegistry(msg.sender);
        if (job != pendingJob || model_ != model) revert UnexpectedJob(job, pendingJob);
        pendingJob = 0;
        // slots are at most 64 bits wide, so each value fits an int64
        int64 hold = int64(ZkmlPacked.at(output, outputWidth, holdIndex));
        int64 rebalance = int64(ZkmlPacked.at(output, outputWidth, rebalanceIndex));
        bool act = rebalance > hold;
        (lastHold, lastRebalance, rebalances) = (hold, rebalance, act ? rebalances + 1 : rebalances);
        emit Advice(job, hold, rebalance, act);
    }
}
