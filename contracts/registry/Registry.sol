// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {Verifier} from "../verifier/Verifier.sol";

/// @notice A contract that asks for inferences and acts on their verified
/// outputs: a job requested with it as the consumer calls it back once the
/// job's proof verifies.
interface IInferenceConsumer {
    /// @param job the job id.
    /// @param model the model id.
    /// @param output the output public input: the packed quantized outputs
    /// (decode them with ZkmlPacked, contracts/lib/Zkml.sol) or, for a model whose outputs do not fit
    /// one field element, their Poseidon2 commitment.
    function onInference(uint256 job, uint256 model, uint256 output) external;
}

/// @title zkml market: models, escrowed jobs, proof-gated settlement.
/// @notice A model owner registers a model with its Groth16 verifying key, a
/// price and a royalty; the registry deploys the model's verifier itself, so
/// the verifier that gates payment is always this code with that key. A
/// requester escrows the price for one inference on a committed input; the
/// first address that submits a valid proof bound to that job and to itself
/// is credited the price less the royalty, the model owner the royalty. After
/// the deadline an unpaid job is refunded. Payments are pulled with withdraw.
/// Each model records how its keys were made: a development setup (one party
/// made them and could forge proofs) or a multi-party ceremony, named by its
/// transcript's SHA-256 and number of contributions, which anyone can replay
/// off chain (`zkml setup verify`) to the verifying key registered here.
/// Models are ERC-721 tokens (the token id is the model id): the current
/// holder is paid the royalty and may change the price or retire the model;
/// an open job keeps the terms it was requested on. A paid job's output is
/// stored, and a job requested with a consumer contract calls it back
/// (IInferenceConsumer) with the gas its requester reserved once the proof
/// verifies; a failing consumer never blocks the prover's payment.
/// @dev The public inputs of a proof are [model commitment, input commitment,
/// output, job id, submitter address]: the contract supplies all but the
/// output, so a proof cannot be claimed by another address or for another job.
contract Registry is ERC721 {
    uint256 internal constant R = 0x30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001;
    /// Royalties are in basis points of the price.
    uint16 public constant MAX_ROYALTY_BPS = 10_000;
    /// The most gas a job may reserve for its consumer's callback. A job's
    /// callback gets exactly the gas its requester chose: submitProof
    /// reverts unless it can forward all of it, so a prover cannot starve a
    /// consumer to fail it.
    uint32 public constant MAX_CALLBACK_GAS = 1_000_000;
    /// Gas submitProof keeps beyond a callback's own: the CALL's account
    /// access (twice for an EIP-7702 delegated consumer), memory and the
    /// event after it.
    uint256 internal constant CALLBACK_OVERHEAD = 10_000;

    enum Status {
        None,
        Open,
        Paid,
        Refunded
    }

    /// Settlement reads the first three slots; the transcript, in the
    /// fourth, is written only for ceremony keys. owner is the token's
    /// holder, kept in step by _update.
    struct Model {
        address owner;
        uint96 price;
        Verifier verifier;
        uint16 royaltyBps;
        uint32 setupContributions;
        bool retired;
        uint256 commitment;
        bytes32 setupTranscript;
        /// keccak256(abi.encode(vk)) of the verifying key the verifier was
        /// deployed with: a coordinator or requester compares it with the
        /// model's verifying.key before trusting the registration (anyone
        /// can register a commitment, not the key that proves it).
        bytes32 vkHash;
    }

    /// Settlement rewrites the second slot and writes the output; the
    /// consumer slot is written (and read) only when hasConsumer is set.
    struct Job {
        address requester;
        uint96 amount;
        address prover;
        uint40 deadline;
        Status status;
        uint40 model;
        bool hasConsumer;
        uint256 input;
        address consumer;
        uint32 callbackGas;
        uint256 output;
    }

    /// Models by id (1, 2, ...).
    mapping(uint256 => Model) public models;
    /// Jobs by id (1, 2, ...).
    mapping(uint256 => Job) public jobs;
    /// Wei each address can withdraw, plus one once the account is open: an
    /// open account's slot never returns to zero, so crediting it costs a
    /// storage update rather than a new slot (about 17k gas less a payment).
    mapping(address => uint256) internal credit;
    uint256 public modelCount;
    uint256 public jobCount;
    bool transient locked;

    event ModelRegistered(
        uint256 indexed model,
        address indexed owner,
        address verifier,
        uint256 commitment,
        uint256 price,
        uint16 royaltyBps,
        bytes32 setupTranscript,
        uint32 setupContributions,
        bytes32 vkHash
    );
    event JobRequested(
        uint256 indexed job,
        uint256 indexed model,
        address indexed requester,
        uint256 input,
        uint256 amount,
        uint64 deadline,
        address consumer,
        uint32 callbackGas
    );
    event JobPaid(
        uint256 indexed job, address indexed prover, uint256 output, uint256 proverAmount, uint256 royalty
    );
    event ConsumerCalled(uint256 indexed job, address indexed consumer, bool ok);
    event JobRefunded(uint256 indexed job, address indexed requester, uint256 amount);
    event PriceChanged(uint256 indexed model, uint256 price);
    event ModelRetired(uint256 indexed model);
    event Withdrawn(address indexed account, uint256 amount);

    error NotInField(string what);
    error RoyaltyTooHigh(uint16 royaltyBps);
    error BadSetup(bytes32 transcript, uint32 contributions);
    error UnknownModel(uint256 model);
    error UnknownJob(uint256 job);
    error WrongPayment(uint256 sent, uint256 price);
    error DeadlinePassed(uint256 deadline, uint256 now_);
    error DeadlineTooFar(uint64 deadline);
    error DeadlineNotPassed(uint256 deadline, uint256 now_);
    error JobNotOpen(uint256 job, Status status);
    error ProofRejected(uint256 job);
    error NothingToWithdraw(address account);
    error TransferFailed(address account, uint256 amount);
    error Reentrancy();
    error NotModelHolder(uint256 model, address caller);
    error ModelIsRetired(uint256 model);
    error GasTooLowForCallback(uint256 gasLeft, uint256 needed);
    error BadCallbackGas(address consumer, uint32 callbackGas);
    error ConsumerHasNoCode(address consumer);

    constructor() ERC721("zkml models", "ZKML") {}

    /// @notice Wei account can withdraw.
    function balances(address account) external view returns (uint256) {
        uint256 c = credit[account];
        return c == 0 ? 0 : c - 1;
    }

    /// @notice Opens the caller's account so that later payments to it are
    /// cheaper (a prover's first settlement would otherwise pay for a new
    /// storage slot); registering a model opens the owner's. Optional.
    function openAccount() external {
        if (credit[msg.sender] == 0) credit[msg.sender] = 1;
    }

    /// @notice Whether account's credit slot is open (see openAccount).
    function accountOpen(address account) external view returns (bool) {
        return credit[account] != 0;
    }

    function _credit(address account, uint256 amount) internal {
        uint256 c = credit[account];
        credit[account] = (c == 0 ? 1 : c) + amount;
    }

    modifier nonReentrant() {
        if (locked) revert Reentrancy();
        locked = true;
        _;
        locked = false;
    }

    /// Keeps models[id].owner the token's holder, so that settlement pays
    /// the current holder from the slot it reads anyway.
    function _update(address to, uint256 tokenId, address auth) internal override returns (address from) {
        from = super._update(to, tokenId, auth);
        models[tokenId].owner = to;
    }

    /// @notice Registers a model, deploys its verifier and mints the model's
    /// token to the caller.
    /// @param commitment the model's Poseidon2 commitment (model.json's model_id).
    /// @param vk the model's Groth16 verifying key.
    /// @param price wei a job costs.
    /// @param royaltyBps the model owner's share of each payment, basis points.
    /// @param setupTranscript SHA-256 of the key ceremony's transcript
    /// (model.json's setup.transcript), or zero for a development setup.
    /// @param setupContributions the ceremony's phase-2 contributions; zero
    /// exactly when the transcript is.
    function registerModel(
        uint256 commitment,
        Verifier.VerifyingKey calldata vk,
        uint96 price,
        uint16 royaltyBps,
        bytes32 setupTranscript,
        uint32 setupContributions
    ) external returns (uint256 id) {
        if (commitment >= R) revert NotInField("commitment");
        if (royaltyBps > MAX_ROYALTY_BPS) revert RoyaltyTooHigh(royaltyBps);
        if ((setupTranscript == 0) != (setupContributions == 0)) {
            revert BadSetup(setupTranscript, setupContributions);
        }
        Verifier v = new Verifier(vk);
        if (credit[msg.sender] == 0) credit[msg.sender] = 1;
        id = ++modelCount;
        _mint(msg.sender, id);
        Model storage m = models[id];
        m.price = price;
        m.verifier = v;
        m.royaltyBps = royaltyBps;
        m.setupContributions = setupContributions;
        m.commitment = commitment;
        if (setupTranscript != 0) m.setupTranscript = setupTranscript;
        bytes32 vkHash = keccak256(abi.encode(vk));
        m.vkHash = vkHash;
        emit ModelRegistered(
            id, msg.sender, address(v), commitment, price, royaltyBps, setupTranscript, setupContributions, vkHash
        );
    }

    /// @notice How a model's keys were made: by a ceremony (its transcript's
    /// SHA-256 and number of contributions) or, when ceremony is false, by a
    /// development setup whose maker could forge proofs.
    function keySetup(uint256 model) external view returns (bool ceremony, bytes32 transcript, uint32 contributions) {
        Model storage m = models[model];
        if (m.owner == address(0)) revert UnknownModel(model);
        return (m.setupContributions != 0, m.setupTranscript, m.setupContributions);
    }

    /// @notice Sets the price of later jobs; open jobs keep theirs.
    function setPrice(uint256 model, uint96 price) external {
        _holder(model);
        models[model].price = price;
        emit PriceChanged(model, price);
    }

    /// @notice Retires a model: no new jobs; open jobs can still be proved
    /// (or refunded) on their terms.
    function retire(uint256 model) external {
        _holder(model);
        models[model].retired = true;
        emit ModelRetired(model);
    }

    function _holder(uint256 model) internal view {
        address o = models[model].owner;
        if (o == address(0)) revert UnknownModel(model);
        if (o != msg.sender) revert NotModelHolder(model, msg.sender);
    }

    /// @notice Escrows the model's price for one inference.
    /// @param model the model id.
    /// @param input the input public input: for a model whose quantized
    /// input fits one field element (model.json's input_encoding "packed")
    /// the packed input itself, else its Poseidon2 commitment
    /// (docs/commitments.md; `zkml commit` prints it).
    /// @param deadline unix time until which a proof may be submitted; then refund.
    /// @param consumer a contract to call back with the verified output
    /// (IInferenceConsumer), or zero.
    /// @param callbackGas the gas the consumer's callback gets, within
    /// 1..MAX_CALLBACK_GAS; zero exactly when there is no consumer. The
    /// prover pays it: a price covers it.
    function requestJob(uint256 model, uint256 input, uint64 deadline, address consumer, uint32 callbackGas)
        external
        payable
        returns (uint256 id)
    {
        Model storage m = models[model];
        if (m.owner == address(0)) revert UnknownModel(model);
        if (m.retired) revert ModelIsRetired(model);
        if (input >= R) revert NotInField("input");
        if (msg.value != m.price) revert WrongPayment(msg.value, m.price);
        if (deadline <= block.timestamp) revert DeadlinePassed(deadline, block.timestamp);
        if (deadline > type(uint40).max) revert DeadlineTooFar(deadline);
        if ((consumer == address(0)) != (callbackGas == 0) || callbackGas > MAX_CALLBACK_GAS) {
            revert BadCallbackGas(consumer, callbackGas);
        }
        if (consumer != address(0) && consumer.code.length == 0) revert ConsumerHasNoCode(consumer);
        id = ++jobCount;
        Job storage j = jobs[id];
        j.requester = msg.sender;
        j.amount = uint96(msg.value);
        j.deadline = uint40(deadline);
        j.model = uint40(model);
        j.status = Status.Open;
        j.input = input;
        if (consumer != address(0)) (j.hasConsumer, j.consumer, j.callbackGas) = (true, consumer, callbackGas);
        emit JobRequested(id, model, msg.sender, input, msg.value, deadline, consumer, callbackGas);
    }

    /// @notice Settles a job: verifies a proof bound to this job and to the
    /// sender, credits the sender and the model's holder, stores the output
    /// and calls the job's consumer back with it.
    /// @param job the job id.
    /// @param proof gnark's MarshalSolidity encoding (384 bytes).
    /// @param output the output public input: the packed quantized outputs
    /// (offset-binary slots, little-endian) or their Poseidon2 commitment.
    function submitProof(uint256 job, bytes calldata proof, uint256 output) external {
        // not from inside withdraw's payout: a consumer's callback that
        // withdraws would find the lock held and fail
        if (locked) revert Reentrancy();
        Job storage j = jobs[job];
        Status s = j.status;
        if (s != Status.Open) {
            if (s == Status.None) revert UnknownJob(job);
            revert JobNotOpen(job, s);
        }
        if (block.timestamp > j.deadline) revert DeadlinePassed(j.deadline, block.timestamp);
        Model storage m = models[j.model];
        if (output >= R) revert NotInField("output");
        uint256[5] memory input = [m.commitment, j.input, output, job, uint256(uint160(msg.sender))];
        if (!m.verifier.verifyProof(proof, input)) revert ProofRejected(job);

        j.status = Status.Paid;
        j.prover = msg.sender;
        j.output = output;
        uint256 amount = j.amount;
        uint256 royalty = amount * m.royaltyBps / MAX_ROYALTY_BPS;
        if (royalty > 0) _credit(m.owner, royalty);
        _credit(msg.sender, amount - royalty);
        emit JobPaid(job, msg.sender, output, amount - royalty, royalty);

        if (j.hasConsumer) _callBack(j.consumer, j.callbackGas, job, j.model, output);
    }

    /// Calls the consumer with exactly callbackGas (reverting if less is
    /// left: by EIP-150 a call gets at most 63/64 of what remains), copies
    /// none of its return data, and records whether it succeeded. Everything
    /// is settled before, so a consumer that re-enters finds the job paid.
    function _callBack(address consumer, uint256 callbackGas, uint256 job, uint256 model, uint256 output) internal {
        bytes memory data = abi.encodeCall(IInferenceConsumer.onInference, (job, model, output));
        uint256 needed = callbackGas + callbackGas / 63 + CALLBACK_OVERHEAD;
        if (gasleft() < needed) revert GasTooLowForCallback(gasleft(), needed);
        bool ok;
        assembly ("memory-safe") {
            ok := call(callbackGas, consumer, 0, add(data, 0x20), mload(data), 0, 0)
        }
        emit ConsumerCalled(job, consumer, ok);
    }

    /// @notice Returns an unpaid job's escrow to its requester after the deadline.
    function refund(uint256 job) external {
        Job storage j = jobs[job];
        Status s = j.status;
        if (s != Status.Open) {
            if (s == Status.None) revert UnknownJob(job);
            revert JobNotOpen(job, s);
        }
        if (block.timestamp <= j.deadline) revert DeadlineNotPassed(j.deadline, block.timestamp);
        j.status = Status.Refunded;
        _credit(j.requester, j.amount);
        emit JobRefunded(job, j.requester, j.amount);
    }

    /// @notice Sends the caller everything credited to it.
    function withdraw() external nonReentrant {
        uint256 c = credit[msg.sender];
        if (c <= 1) revert NothingToWithdraw(msg.sender);
        uint256 amount = c - 1;
        credit[msg.sender] = 1;
        emit Withdrawn(msg.sender, amount);
        (bool ok,) = msg.sender.call{value: amount}("");
        if (!ok) revert TransferFailed(msg.sender, amount);
    }
}
