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
/// exactly these features verified. Should the callback fail (it ran out of
/// its gas), catchUp reads the verified output the registry stored; a
/// refunded request's escrow comes back with reclaim.
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
    /// The most the vault pays for one piece of advice.
    uint256 public immutable maxPrice;

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
    error PriceTooHigh(uint256 price, uint256 maxPrice);
    error NotPaid(uint256 job);
    error NothingPending();

    constructor(
        Registry registry_,
        uint256 model_,
        uint8 inputWidth_,
        uint8 outputWidth_,
        uint8 holdIndex_,
        uint8 rebalanceIndex_,
        uint32 callbackGas_,
        uint256 maxPrice_
    ) payable {
        registry = registry_;
        model = model_;
        keeper = msg.sender;
        inputWidth = inputWidth_;
        outputWidth = outputWidth_;
        holdIndex = holdIndex_;
        rebalanceIndex = rebalanceIndex_;
        callbackGas = callbackGas_;
        maxPrice = maxPrice_;
    }

    receive() external payable {}

    /// @notice The keeper records the features (quantized at the model's input scale).
    function observe(int256[] calldata q) external {
        if (msg.sender != keeper) revert NotKeeper(msg.sender);
        features = q;
        emit Observed(ZkmlPacked.pack(q, inputWidth));
    }

    /// @notice The keeper asks the model about the current features,
    /// paying its price (at most maxPrice) from the vault's balance.
    function requestAdvice(uint64 deadline) external returns (uint256 job) {
        if (msg.sender != keeper) revert NotKeeper(msg.sender);
        if (pendingJob != 0) revert AdvicePending(pendingJob);
        uint256 input = ZkmlPacked.pack(features, inputWidth);
        (, uint96 price,,,,,,,) = registry.models(model);
        if (price > maxPrice) revert PriceTooHigh(price, maxPrice);
        job = registry.requestJob{value: price}(model, input, deadline, address(this), callbackGas);
        pendingJob = job;
        emit AdviceRequested(job, input);
    }

    /// @notice Forgets a request whose deadline passed unproved: the
    /// registry credits the escrow back to the vault (see reclaim).
    function cancelAdvice() external {
        uint256 job = pendingJob;
        if (job == 0) revert NothingPending();
        registry.refund(job);
        pendingJob = 0;
    }

    /// @notice Pulls the vault's credit (refunded escrows) out of the registry.
    function reclaim() external {
        registry.withdraw();
    }

    /// @notice Acts on a paid request whose callback failed, from the
    /// verified output the registry stored with the job.
    function catchUp() external {
        uint256 job = pendingJob;
        if (job == 0) revert NothingPending();
        (,,,, Registry.Status status, uint40 model_,,, address consumer,, uint256 output) = registry.jobs(job);
        if (status != Registry.Status.Paid || consumer != address(this)) revert NotPaid(job);
        _advise(job, model_, output);
    }

    /// @inheritdoc IInferenceConsumer
    function onInference(uint256 job, uint256 model_, uint256 output) external {
        if (msg.sender != address(registry)) revert NotRegistry(msg.sender);
        _advise(job, model_, output);
    }

    function _advise(uint256 job, uint256 model_, uint256 output) internal {
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
