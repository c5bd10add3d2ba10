// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package examples

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// RebalanceVaultMetaData contains all meta data concerning the RebalanceVault contract.
var RebalanceVaultMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractRegistry\",\"name\":\"registry_\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"model_\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"inputWidth_\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"outputWidth_\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"holdIndex_\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"rebalanceIndex_\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"callbackGas_\",\"type\":\"uint32\"},{\"internalType\":\"uint256\",\"name\":\"maxPrice_\",\"type\":\"uint256\"}],\"stateMutability\":\"payable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"}],\"name\":\"AdvicePending\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"width\",\"type\":\"uint256\"}],\"name\":\"BadWidth\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotKeeper\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"}],\"name\":\"NotPaid\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotRegistry\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NothingPending\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxPrice\",\"type\":\"uint256\"}],\"name\":\"PriceTooHigh\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"slots\",\"type\":\"uint256\"}],\"name\":\"SlotOutOfRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"pending\",\"type\":\"uint256\"}],\"name\":\"UnexpectedJob\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"int256\",\"name\":\"value\",\"type\":\"int256\"}],\"name\":\"ValueOutOfRange\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"int256\",\"name\":\"hold\",\"type\":\"int256\"},{\"indexed\":false,\"internalType\":\"int256\",\"name\":\"rebalance\",\"type\":\"int256\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"acted\",\"type\":\"bool\"}],\"name\":\"Advice\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"input\",\"type\":\"uint256\"}],\"name\":\"AdviceRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"input\",\"type\":\"uint256\"}],\"name\":\"Observed\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"callbackGas\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"cancelAdvice\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"catchUp\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"features\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"holdIndex\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"inputWidth\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"keeper\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastHold\",\"outputs\":[{\"internalType\":\"int64\",\"name\":\"\",\"type\":\"int64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastRebalance\",\"outputs\":[{\"internalType\":\"int64\",\"name\":\"\",\"type\":\"int64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"maxPrice\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"model\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"int256[]\",\"name\":\"q\",\"type\":\"int256[]\"}],\"name\":\"observe\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"model_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"output\",\"type\":\"uint256\"}],\"name\":\"onInference\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"outputWidth\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingJob\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"rebalanceIndex\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"rebalances\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"reclaim\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registry\",\"outputs\":[{\"internalType\":\"contractRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"requestAdvice\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"stateMutability\":\"payable\",\"type\":\"receive\"}]",
	ID:  "RebalanceVault",
	Bin: "0x6101a06040526040516116263803806116268339810160408190526100239161007d565b6001600160a01b0390971660805260a0959095523360c05260ff93841660e05291831661010052821661012052166101405263ffffffff16610160526101805261011b565b805160ff81168114610078575f5ffd5b919050565b5f5f5f5f5f5f5f5f610100898b031215610095575f5ffd5b88516001600160a01b03811681146100ab575f5ffd5b60208a015190985096506100c160408a01610068565b95506100cf60608a01610068565b94506100dd60808a01610068565b93506100eb60a08a01610068565b925060c089015163ffffffff81168114610103575f5ffd5b60e09990990151979a96995094979396929591945050565b60805160a05160c05160e051610100516101205161014051610160516101805161141a61020c5f395f8181610460015281816109fd0152610a4a01525f81816103740152610acd01525f81816102e50152610c9701525f81816102b20152610c4501525f818161020c01528181610c210152610c7301525f81816103ef01528181610819015261091e01525f81816103bc01528181610774015261086301525f818161013a0152818161095401528181610a850152610bc401525f8181610251015281816104a30152818161053b015281816106a801528181610719015281816109870152610af4015261141a5ff3fe60806040526004361061011e575f3560e01c80638ede6f9f1161009d578063b49abcc511610062578063b49abcc5146103de578063b81b8eb314610411578063b986e2c714610430578063e38d6b5c1461044f578063e7f9605b14610482575f5ffd5b80638ede6f9f1461031b5780638f13e2041461033a5780639c5a49e61461034e578063a10132ad14610363578063aced1661146103ab575f5ffd5b80637b103999116100e35780637b1039991461024057806380e9071b1461028b5780638336c990146102a157806388bd49a1146102d45780638d6b8b4114610307575f5ffd5b80630ad9d05214610129578063106b9ca11461016f57806322c052cc146101a257806344ce8a9f146101bb5780634f065fd8146101fb575f5ffd5b3661012557005b5f5ffd5b348015610134575f5ffd5b5061015c7f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020015b60405180910390f35b34801561017a575f5ffd5b5060025461018f90600160401b900460070b81565b60405160079190910b8152602001610166565b3480156101ad575f5ffd5b5060025461018f9060070b81565b3480156101c6575f5ffd5b506002546101e290600160801b900467ffffffffffffffff1681565b60405167ffffffffffffffff9091168152602001610166565b348015610206575f5ffd5b5061022e7f000000000000000000000000000000000000000000000000000000000000000081565b60405160ff9091168152602001610166565b34801561024b575f5ffd5b506102737f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b039091168152602001610166565b348015610296575f5ffd5b5061029f6104a1565b005b3480156102ac575f5ffd5b5061022e7f000000000000000000000000000000000000000000000000000000000000000081565b3480156102df575f5ffd5b5061022e7f000000000000000000000000000000000000000000000000000000000000000081565b348015610312575f5ffd5b5061029f610511565b348015610326575f5ffd5b5061015c610335366004610fa7565b610650565b348015610345575f5ffd5b5061029f61066e565b348015610359575f5ffd5b5061015c60015481565b34801561036e575f5ffd5b506103967f000000000000000000000000000000000000000000000000000000000000000081565b60405163ffffffff9091168152602001610166565b3480156103b6575f5ffd5b506102737f000000000000000000000000000000000000000000000000000000000000000081565b3480156103e9575f5ffd5b5061022e7f000000000000000000000000000000000000000000000000000000000000000081565b34801561041c575f5ffd5b5061029f61042b366004610fbe565b61070e565b34801561043b575f5ffd5b5061029f61044a366004610fe7565b610769565b34801561045a575f5ffd5b5061015c7f000000000000000000000000000000000000000000000000000000000000000081565b34801561048d575f5ffd5b5061015c61049c366004611058565b610857565b7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316633ccfd60b6040518163ffffffff1660e01b81526004015f604051808303815f87803b1580156104f9575f5ffd5b505af115801561050b573d5f5f3e3d5ffd5b50505050565b6001545f81900361053557604051630bae0d7560e11b815260040160405180910390fd5b5f5f5f5f7f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031663180aedf3866040518263ffffffff1660e01b815260040161058791815260200190565b61016060405180830381865afa1580156105a3573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906105c791906110ee565b9a5050995050509750975050505050600260038111156105e9576105e96111b6565b8460038111156105fb576105fb6111b6565b14158061061157506001600160a01b0382163014155b156106375760405163285f1c2f60e01b8152600481018690526024015b60405180910390fd5b610649858464ffffffffff1683610bb6565b5050505050565b5f818154811061065e575f80fd5b5f91825260209091200154905081565b6001545f81900361069257604051630bae0d7560e11b815260040160405180910390fd5b60405163278ecde160e01b8152600481018290527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03169063278ecde1906024015f604051808303815f87803b1580156106f1575f5ffd5b505af1158015610703573d5f5f3e3d5ffd5b50505f600155505050565b336001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016146107595760405163318d14a560e11b815233600482015260240161062e565b610764838383610bb6565b505050565b336001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016146107b45760405163ccf79b6760e01b815233600482015260240161062e565b5f6107c0828483611209565b507f285796b93631ee44c33ef9e93a116ae91dce46f46fe62abf08d9ffb7bb3f663f6108428383808060200260200160405190810160405280939291908181526020018383602002808284375f920191909152505060ff7f0000000000000000000000000000000000000000000000000000000000000000169150610dc59050565b60405190815260200160405180910390a15050565b5f336001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016146108a35760405163ccf79b6760e01b815233600482015260240161062e565b600154156108ca57600154604051637d7b4a9d60e11b815260040161062e91815260200190565b5f6109455f80548060200260200160405190810160405280929190818152602001828054801561091757602002820191905f5260205f20905b815481526020019060010190808311610903575b50505050507f000000000000000000000000000000000000000000000000000000000000000060ff16610dc5565b604051636a030ca960e01b81527f000000000000000000000000000000000000000000000000000000000000000060048201529091505f906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001690636a030ca99060240161012060405180830381865afa1580156109cd573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906109f19190611299565b505050505050509150507f0000000000000000000000000000000000000000000000000000000000000000816001600160601b03161115610a76576040516387ebe85d60e01b81526001600160601b03821660048201527f0000000000000000000000000000000000000000000000000000000000000000602482015260440161062e565b604051637cd401c760e01b81527f000000000000000000000000000000000000000000000000000000000000000060048201526024810183905267ffffffffffffffff8516604482015230606482015263ffffffff7f00000000000000000000000000000000000000000000000000000000000000001660848201527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b031690637cd401c7906001600160601b0384169060a40160206040518083038185885af1158015610b4d573d5f5f3e3d5ffd5b50505050506040513d601f19601f82011682018060405250810190610b729190611336565b600181905560405183815290935083907fbabf866bf32c53d8bf8c985279458fe39d0952527e5bf4488ac3e219ca77ac5c9060200160405180910390a25050919050565b60015483141580610be757507f00000000000000000000000000000000000000000000000000000000000000008214155b15610c1357600154604051630c3456c360e41b815261062e918591600401918252602082015260400190565b5f6001819055610c6a8260ff7f00000000000000000000000000000000000000000000000000000000000000008116907f000000000000000000000000000000000000000000000000000000000000000016610ef0565b90505f610cbe837f000000000000000000000000000000000000000000000000000000000000000060ff167f000000000000000000000000000000000000000000000000000000000000000060ff16610ef0565b9050600782810b9082900b13828282610cea57600254600160801b900467ffffffffffffffff16610d09565b600254610d0990600160801b900467ffffffffffffffff16600161134d565b6002805477ffffffffffffffffffffffffffffffff00000000000000001916600160801b67ffffffffffffffff938416026fffffffffffffffff0000000000000000191617600160401b938316939093029290921767ffffffffffffffff1916921691909117905560408051600785810b825284900b60208201528215159181019190915286907f6cce9faeaffc4a3b90353a3caeeba0fd70f0d4d93db6433b4333a2adb0e521119060600160405180910390a2505050505050565b5f5f610dd083610f67565b90508084511115610e0057835160405162b102f160e21b815260048101919091526024810182905260440161062e565b5f610e0c60018561136d565b6001901b90505f5b8551811015610ee757610e2682611380565b868281518110610e3857610e3861139a565b60200260200101511280610e65575081868281518110610e5a57610e5a61139a565b602002602001015112155b15610ea95780868281518110610e7d57610e7d61139a565b602002602001015160405163981b920760e01b815260040161062e929190918252602082015260400190565b610eb385826111f2565b82878381518110610ec657610ec661139a565b6020026020010151610ed891906113ae565b901b9390931792600101610e14565b50505092915050565b5f5f610efb84610f67565b9050808310610f265760405162b102f160e21b8152600481018490526024810182905260440161062e565b5f610f34600180871b61136d565b610f3e86866111f2565b87901c169050610f4f60018661136d565b610f5d906001901b826113d5565b9695505050505050565b5f811580610f755750604082115b15610f9657604051639e8f010f60e01b81526004810183905260240161062e565b610fa18260fd6113fb565b92915050565b5f60208284031215610fb7575f5ffd5b5035919050565b5f5f5f60608486031215610fd0575f5ffd5b505081359360208301359350604090920135919050565b5f5f60208385031215610ff8575f5ffd5b823567ffffffffffffffff81111561100e575f5ffd5b8301601f8101851361101e575f5ffd5b803567ffffffffffffffff811115611034575f5ffd5b8560208260051b8401011115611048575f5ffd5b6020919091019590945092505050565b5f60208284031215611068575f5ffd5b813567ffffffffffffffff8116811461107f575f5ffd5b9392505050565b6001600160a01b038116811461109a575f5ffd5b50565b80516001600160601b03811681146110b3575f5ffd5b919050565b805164ffffffffff811681146110b3575f5ffd5b805180151581146110b3575f5ffd5b805163ffffffff811681146110b3575f5ffd5b5f5f5f5f5f5f5f5f5f5f5f6101608c8e031215611109575f5ffd5b8b5161111481611086565b9a5061112260208d0161109d565b995060408c015161113281611086565b985061114060608d016110b8565b975060808c015160048110611153575f5ffd5b965061116160a08d016110b8565b955061116f60c08d016110cc565b60e08d01516101008e0151919650945061118881611086565b92506111976101208d016110db565b91505f6101408d01519050809150509295989b509295989b9093969950565b634e487b7160e01b5f52602160045260245ffd5b634e487b7160e01b5f52604160045260245ffd5b634e487b7160e01b5f52601160045260245ffd5b8082028115828204841417610fa157610fa16111de565b67ffffffffffffffff831115611221576112216111ca565b600160401b831115611235576112356111ca565b80548382558084101561126957815f528360205f20018482035f5b81811015611265575f83820155600101611250565b5050505b505f8181526020812083915b8581101561129157823582820155602090920191600101611275565b505050505050565b5f5f5f5f5f5f5f5f5f6101208a8c0312156112b2575f5ffd5b89516112bd81611086565b98506112cb60208b0161109d565b975060408a01516112db81611086565b60608b015190975061ffff811681146112f2575f5ffd5b955061130060808b016110db565b945061130e60a08b016110cc565b60c08b015160e08c0151610100909c01519a9d999c50979a9699959890979695945092505050565b5f60208284031215611346575f5ffd5b5051919050565b67ffffffffffffffff8181168382160190811115610fa157610fa16111de565b81810381811115610fa157610fa16111de565b5f600160ff1b8201611394576113946111de565b505f0390565b634e487b7160e01b5f52603260045260245ffd5b8082018281125f8312801582168215821617156113cd576113cd6111de565b505092915050565b8181035f8312801583831316838312821617156113f4576113f46111de565b5092915050565b5f8261141557634e487b7160e01b5f52601260045260245ffd5b50049056",
}

// RebalanceVault is an auto generated Go binding around an Ethereum contract.
type RebalanceVault struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *RebalanceVault) GetABI() abi.ABI {
	return c.abi
}

// NewRebalanceVault creates a new instance of RebalanceVault.
func NewRebalanceVault() *RebalanceVault {
	parsed, err := RebalanceVaultMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &RebalanceVault{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *RebalanceVault) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address registry_, uint256 model_, uint8 inputWidth_, uint8 outputWidth_, uint8 holdIndex_, uint8 rebalanceIndex_, uint32 callbackGas_, uint256 maxPrice_) payable returns()
func (rebalanceVault *RebalanceVault) PackConstructor(registry_ common.Address, model_ *big.Int, inputWidth_ uint8, outputWidth_ uint8, holdIndex_ uint8, rebalanceIndex_ uint8, callbackGas_ uint32, maxPrice_ *big.Int) []byte {
	enc, err := rebalanceVault.abi.Pack("", registry_, model_, inputWidth_, outputWidth_, holdIndex_, rebalanceIndex_, callbackGas_, maxPrice_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackCallbackGas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa10132ad.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function callbackGas() view returns(uint32)
func (rebalanceVault *RebalanceVault) PackCallbackGas() []byte {
	enc, err := rebalanceVault.abi.Pack("callbackGas")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCallbackGas is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa10132ad.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function callbackGas() view returns(uint32)
func (rebalanceVault *RebalanceVault) TryPackCallbackGas() ([]byte, error) {
	return rebalanceVault.abi.Pack("callbackGas")
}

// UnpackCallbackGas is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa10132ad.
//
// Solidity: function callbackGas() view returns(uint32)
func (rebalanceVault *RebalanceVault) UnpackCallbackGas(data []byte) (uint32, error) {
	out, err := rebalanceVault.abi.Unpack("callbackGas", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackCancelAdvice is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f13e204.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cancelAdvice() returns()
func (rebalanceVault *RebalanceVault) PackCancelAdvice() []byte {
	enc, err := rebalanceVault.abi.Pack("cancelAdvice")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCancelAdvice is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f13e204.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cancelAdvice() returns()
func (rebalanceVault *RebalanceVault) TryPackCancelAdvice() ([]byte, error) {
	return rebalanceVault.abi.Pack("cancelAdvice")
}

// PackCatchUp is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8d6b8b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function catchUp() returns()
func (rebalanceVault *RebalanceVault) PackCatchUp() []byte {
	enc, err := rebalanceVault.abi.Pack("catchUp")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCatchUp is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8d6b8b41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function catchUp() returns()
func (rebalanceVault *RebalanceVault) TryPackCatchUp() ([]byte, error) {
	return rebalanceVault.abi.Pack("catchUp")
}

// PackFeatures is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8ede6f9f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function features(uint256 ) view returns(int256)
func (rebalanceVault *RebalanceVault) PackFeatures(arg0 *big.Int) []byte {
	enc, err := rebalanceVault.abi.Pack("features", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFeatures is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8ede6f9f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function features(uint256 ) view returns(int256)
func (rebalanceVault *RebalanceVault) TryPackFeatures(arg0 *big.Int) ([]byte, error) {
	return rebalanceVault.abi.Pack("features", arg0)
}

// UnpackFeatures is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8ede6f9f.
//
// Solidity: function features(uint256 ) view returns(int256)
func (rebalanceVault *RebalanceVault) UnpackFeatures(data []byte) (*big.Int, error) {
	out, err := rebalanceVault.abi.Unpack("features", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackHoldIndex is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8336c990.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function holdIndex() view returns(uint8)
func (rebalanceVault *RebalanceVault) PackHoldIndex() []byte {
	enc, err := rebalanceVault.abi.Pack("holdIndex")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackHoldIndex is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8336c990.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function holdIndex() view returns(uint8)
func (rebalanceVault *RebalanceVault) TryPackHoldIndex() ([]byte, error) {
	return rebalanceVault.abi.Pack("holdIndex")
}

// UnpackHoldIndex is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8336c990.
//
// Solidity: function holdIndex() view returns(uint8)
func (rebalanceVault *RebalanceVault) UnpackHoldIndex(data []byte) (uint8, error) {
	out, err := rebalanceVault.abi.Unpack("holdIndex", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackInputWidth is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb49abcc5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function inputWidth() view returns(uint8)
func (rebalanceVault *RebalanceVault) PackInputWidth() []byte {
	enc, err := rebalanceVault.abi.Pack("inputWidth")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackInputWidth is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb49abcc5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function inputWidth() view returns(uint8)
func (rebalanceVault *RebalanceVault) TryPackInputWidth() ([]byte, error) {
	return rebalanceVault.abi.Pack("inputWidth")
}

// UnpackInputWidth is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb49abcc5.
//
// Solidity: function inputWidth() view returns(uint8)
func (rebalanceVault *RebalanceVault) UnpackInputWidth(data []byte) (uint8, error) {
	out, err := rebalanceVault.abi.Unpack("inputWidth", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackKeeper is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaced1661.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function keeper() view returns(address)
func (rebalanceVault *RebalanceVault) PackKeeper() []byte {
	enc, err := rebalanceVault.abi.Pack("keeper")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKeeper is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xaced1661.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function keeper() view returns(address)
func (rebalanceVault *RebalanceVault) TryPackKeeper() ([]byte, error) {
	return rebalanceVault.abi.Pack("keeper")
}

// UnpackKeeper is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xaced1661.
//
// Solidity: function keeper() view returns(address)
func (rebalanceVault *RebalanceVault) UnpackKeeper(data []byte) (common.Address, error) {
	out, err := rebalanceVault.abi.Unpack("keeper", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackLastHold is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x22c052cc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastHold() view returns(int64)
func (rebalanceVault *RebalanceVault) PackLastHold() []byte {
	enc, err := rebalanceVault.abi.Pack("lastHold")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastHold is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x22c052cc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastHold() view returns(int64)
func (rebalanceVault *RebalanceVault) TryPackLastHold() ([]byte, error) {
	return rebalanceVault.abi.Pack("lastHold")
}

// UnpackLastHold is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x22c052cc.
//
// Solidity: function lastHold() view returns(int64)
func (rebalanceVault *RebalanceVault) UnpackLastHold(data []byte) (int64, error) {
	out, err := rebalanceVault.abi.Unpack("lastHold", data)
	if err != nil {
		return *new(int64), err
	}
	out0 := *abi.ConvertType(out[0], new(int64)).(*int64)
	return out0, nil
}

// PackLastRebalance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x106b9ca1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastRebalance() view returns(int64)
func (rebalanceVault *RebalanceVault) PackLastRebalance() []byte {
	enc, err := rebalanceVault.abi.Pack("lastRebalance")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastRebalance is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x106b9ca1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastRebalance() view returns(int64)
func (rebalanceVault *RebalanceVault) TryPackLastRebalance() ([]byte, error) {
	return rebalanceVault.abi.Pack("lastRebalance")
}

// UnpackLastRebalance is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x106b9ca1.
//
// Solidity: function lastRebalance() view returns(int64)
func (rebalanceVault *RebalanceVault) UnpackLastRebalance(data []byte) (int64, error) {
	out, err := rebalanceVault.abi.Unpack("lastRebalance", data)
	if err != nil {
		return *new(int64), err
	}
	out0 := *abi.ConvertType(out[0], new(int64)).(*int64)
	return out0, nil
}

// PackMaxPrice is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe38d6b5c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function maxPrice() view returns(uint256)
func (rebalanceVault *RebalanceVault) PackMaxPrice() []byte {
	enc, err := rebalanceVault.abi.Pack("maxPrice")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMaxPrice is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe38d6b5c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function maxPrice() view returns(uint256)
func (rebalanceVault *RebalanceVault) TryPackMaxPrice() ([]byte, error) {
	return rebalanceVault.abi.Pack("maxPrice")
}

// UnpackMaxPrice is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe38d6b5c.
//
// Solidity: function maxPrice() view returns(uint256)
func (rebalanceVault *RebalanceVault) UnpackMaxPrice(data []byte) (*big.Int, error) {
	out, err := rebalanceVault.abi.Unpack("maxPrice", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackModel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0ad9d052.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function model() view returns(uint256)
func (rebalanceVault *RebalanceVault) PackModel() []byte {
	enc, err := rebalanceVault.abi.Pack("model")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackModel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0ad9d052.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function model() view returns(uint256)
func (rebalanceVault *RebalanceVault) TryPackModel() ([]byte, error) {
	return rebalanceVault.abi.Pack("model")
}

// UnpackModel is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0ad9d052.
//
// Solidity: function model() view returns(uint256)
func (rebalanceVault *RebalanceVault) UnpackModel(data []byte) (*big.Int, error) {
	out, err := rebalanceVault.abi.Unpack("model", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackObserve is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb986e2c7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function observe(int256[] q) returns()
func (rebalanceVault *RebalanceVault) PackObserve(q []*big.Int) []byte {
	enc, err := rebalanceVault.abi.Pack("observe", q)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackObserve is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb986e2c7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function observe(int256[] q) returns()
func (rebalanceVault *RebalanceVault) TryPackObserve(q []*big.Int) ([]byte, error) {
	return rebalanceVault.abi.Pack("observe", q)
}

// PackOnInference is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb81b8eb3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function onInference(uint256 job, uint256 model_, uint256 output) returns()
func (rebalanceVault *RebalanceVault) PackOnInference(job *big.Int, model *big.Int, output *big.Int) []byte {
	enc, err := rebalanceVault.abi.Pack("onInference", job, model, output)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOnInference is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb81b8eb3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function onInference(uint256 job, uint256 model_, uint256 output) returns()
func (rebalanceVault *RebalanceVault) TryPackOnInference(job *big.Int, model *big.Int, output *big.Int) ([]byte, error) {
	return rebalanceVault.abi.Pack("onInference", job, model, output)
}

// PackOutputWidth is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4f065fd8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function outputWidth() view returns(uint8)
func (rebalanceVault *RebalanceVault) PackOutputWidth() []byte {
	enc, err := rebalanceVault.abi.Pack("outputWidth")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOutputWidth is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4f065fd8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function outputWidth() view returns(uint8)
func (rebalanceVault *RebalanceVault) TryPackOutputWidth() ([]byte, error) {
	return rebalanceVault.abi.Pack("outputWidth")
}

// UnpackOutputWidth is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4f065fd8.
//
// Solidity: function outputWidth() view returns(uint8)
func (rebalanceVault *RebalanceVault) UnpackOutputWidth(data []byte) (uint8, error) {
	out, err := rebalanceVault.abi.Unpack("outputWidth", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackPendingJob is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9c5a49e6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingJob() view returns(uint256)
func (rebalanceVault *RebalanceVault) PackPendingJob() []byte {
	enc, err := rebalanceVault.abi.Pack("pendingJob")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingJob is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9c5a49e6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingJob() view returns(uint256)
func (rebalanceVault *RebalanceVault) TryPackPendingJob() ([]byte, error) {
	return rebalanceVault.abi.Pack("pendingJob")
}

// UnpackPendingJob is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9c5a49e6.
//
// Solidity: function pendingJob() view returns(uint256)
func (rebalanceVault *RebalanceVault) UnpackPendingJob(data []byte) (*big.Int, error) {
	out, err := rebalanceVault.abi.Unpack("pendingJob", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRebalanceIndex is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x88bd49a1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rebalanceIndex() view returns(uint8)
func (rebalanceVault *RebalanceVault) PackRebalanceIndex() []byte {
	enc, err := rebalanceVault.abi.Pack("rebalanceIndex")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRebalanceIndex is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x88bd49a1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rebalanceIndex() view returns(uint8)
func (rebalanceVault *RebalanceVault) TryPackRebalanceIndex() ([]byte, error) {
	return rebalanceVault.abi.Pack("rebalanceIndex")
}

// UnpackRebalanceIndex is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x88bd49a1.
//
// Solidity: function rebalanceIndex() view returns(uint8)
func (rebalanceVault *RebalanceVault) UnpackRebalanceIndex(data []byte) (uint8, error) {
	out, err := rebalanceVault.abi.Unpack("rebalanceIndex", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackRebalances is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x44ce8a9f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rebalances() view returns(uint64)
func (rebalanceVault *RebalanceVault) PackRebalances() []byte {
	enc, err := rebalanceVault.abi.Pack("rebalances")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRebalances is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x44ce8a9f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rebalances() view returns(uint64)
func (rebalanceVault *RebalanceVault) TryPackRebalances() ([]byte, error) {
	return rebalanceVault.abi.Pack("rebalances")
}

// UnpackRebalances is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x44ce8a9f.
//
// Solidity: function rebalances() view returns(uint64)
func (rebalanceVault *RebalanceVault) UnpackRebalances(data []byte) (uint64, error) {
	out, err := rebalanceVault.abi.Unpack("rebalances", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackReclaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x80e9071b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function reclaim() returns()
func (rebalanceVault *RebalanceVault) PackReclaim() []byte {
	enc, err := rebalanceVault.abi.Pack("reclaim")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReclaim is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x80e9071b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function reclaim() returns()
func (rebalanceVault *RebalanceVault) TryPackReclaim() ([]byte, error) {
	return rebalanceVault.abi.Pack("reclaim")
}

// PackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registry() view returns(address)
func (rebalanceVault *RebalanceVault) PackRegistry() []byte {
	enc, err := rebalanceVault.abi.Pack("registry")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegistry is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b103999.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registry() view returns(address)
func (rebalanceVault *RebalanceVault) TryPackRegistry() ([]byte, error) {
	return rebalanceVault.abi.Pack("registry")
}

// UnpackRegistry is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7b103999.
//
// Solidity: function registry() view returns(address)
func (rebalanceVault *RebalanceVault) UnpackRegistry(data []byte) (common.Address, error) {
	out, err := rebalanceVault.abi.Unpack("registry", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRequestAdvice is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe7f9605b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestAdvice(uint64 deadline) returns(uint256 job)
func (rebalanceVault *RebalanceVault) PackRequestAdvice(deadline uint64) []byte {
	enc, err := rebalanceVault.abi.Pack("requestAdvice", deadline)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestAdvice is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe7f9605b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestAdvice(uint64 deadline) returns(uint256 job)
func (rebalanceVault *RebalanceVault) TryPackRequestAdvice(deadline uint64) ([]byte, error) {
	return rebalanceVault.abi.Pack("requestAdvice", deadline)
}

// UnpackRequestAdvice is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe7f9605b.
//
// Solidity: function requestAdvice(uint64 deadline) returns(uint256 job)
func (rebalanceVault *RebalanceVault) UnpackRequestAdvice(data []byte) (*big.Int, error) {
	out, err := rebalanceVault.abi.Unpack("requestAdvice", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// RebalanceVaultAdvice represents a Advice event raised by the RebalanceVault contract.
type RebalanceVaultAdvice struct {
	Job       *big.Int
	Hold      *big.Int
	Rebalance *big.Int
	Acted     bool
	Raw       *types.Log // Blockchain specific contextual infos
}

const RebalanceVaultAdviceEventName = "Advice"

// ContractEventName returns the user-defined event name.
func (RebalanceVaultAdvice) ContractEventName() string {
	return RebalanceVaultAdviceEventName
}

// UnpackAdviceEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Advice(uint256 indexed job, int256 hold, int256 rebalance, bool acted)
func (rebalanceVault *RebalanceVault) UnpackAdviceEvent(log *types.Log) (*RebalanceVaultAdvice, error) {
	event := "Advice"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != rebalanceVault.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RebalanceVaultAdvice)
	if len(log.Data) > 0 {
		if err := rebalanceVault.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range rebalanceVault.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RebalanceVaultAdviceRequested represents a AdviceRequested event raised by the RebalanceVault contract.
type RebalanceVaultAdviceRequested struct {
	Job   *big.Int
	Input *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const RebalanceVaultAdviceRequestedEventName = "AdviceRequested"

// ContractEventName returns the user-defined event name.
func (RebalanceVaultAdviceRequested) ContractEventName() string {
	return RebalanceVaultAdviceRequestedEventName
}

// UnpackAdviceRequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event AdviceRequested(uint256 indexed job, uint256 input)
func (rebalanceVault *RebalanceVault) UnpackAdviceRequestedEvent(log *types.Log) (*RebalanceVaultAdviceRequested, error) {
	event := "AdviceRequested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != rebalanceVault.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RebalanceVaultAdviceRequested)
	if len(log.Data) > 0 {
		if err := rebalanceVault.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range rebalanceVault.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// RebalanceVaultObserved represents a Observed event raised by the RebalanceVault contract.
type RebalanceVaultObserved struct {
	Input *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const RebalanceVaultObservedEventName = "Observed"

// ContractEventName returns the user-defined event name.
func (RebalanceVaultObserved) ContractEventName() string {
	return RebalanceVaultObservedEventName
}

// UnpackObservedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Observed(uint256 input)
func (rebalanceVault *RebalanceVault) UnpackObservedEvent(log *types.Log) (*RebalanceVaultObserved, error) {
	event := "Observed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != rebalanceVault.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RebalanceVaultObserved)
	if len(log.Data) > 0 {
		if err := rebalanceVault.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range rebalanceVault.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (rebalanceVault *RebalanceVault) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], rebalanceVault.abi.Errors["AdvicePending"].ID.Bytes()[:4]) {
		return rebalanceVault.UnpackAdvicePendingError(raw[4:])
	}
	if bytes.Equal(raw[:4], rebalanceVault.abi.Errors["BadWidth"].ID.Bytes()[:4]) {
		return rebalanceVault.UnpackBadWidthError(raw[4:])
	}
	if bytes.Equal(raw[:4], rebalanceVault.abi.Errors["NotKeeper"].ID.Bytes()[:4]) {
		return rebalanceVault.UnpackNotKeeperError(raw[4:])
	}
	if bytes.Equal(raw[:4], rebalanceVault.abi.Errors["NotPaid"].ID.Bytes()[:4]) {
		return rebalanceVault.UnpackNotPaidError(raw[4:])
	}
	if bytes.Equal(raw[:4], rebalanceVault.abi.Errors["NotRegistry"].ID.Bytes()[:4]) {
		return rebalanceVault.UnpackNotRegistryError(raw[4:])
	}
	if bytes.Equal(raw[:4], rebalanceVault.abi.Errors["NothingPending"].ID.Bytes()[:4]) {
		return rebalanceVault.UnpackNothingPendingError(raw[4:])
	}
	if bytes.Equal(raw[:4], rebalanceVault.abi.Errors["PriceTooHigh"].ID.Bytes()[:4]) {
		return rebalanceVault.UnpackPriceTooHighError(raw[4:])
	}
	if bytes.Equal(raw[:4], rebalanceVault.abi.Errors["SlotOutOfRange"].ID.Bytes()[:4]) {
		return rebalanceVault.UnpackSlotOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], rebalanceVault.abi.Errors["UnexpectedJob"].ID.Bytes()[:4]) {
		return rebalanceVault.UnpackUnexpectedJobError(raw[4:])
	}
	if bytes.Equal(raw[:4], rebalanceVault.abi.Errors["ValueOutOfRange"].ID.Bytes()[:4]) {
		return rebalanceVault.UnpackValueOutOfRangeError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// RebalanceVaultAdvicePending represents a AdvicePending error raised by the RebalanceVault contract.
type RebalanceVaultAdvicePending struct {
	Job *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AdvicePending(uint256 job)
func RebalanceVaultAdvicePendingErrorID() common.Hash {
	return common.HexToHash("0xfaf6953a7c22d6cad2a24fea9b025370f75ada6de75f0bfe08d0c75e398ee48e")
}

// UnpackAdvicePendingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AdvicePending(uint256 job)
func (rebalanceVault *RebalanceVault) UnpackAdvicePendingError(raw []byte) (*RebalanceVaultAdvicePending, error) {
	out := new(RebalanceVaultAdvicePending)
	if err := rebalanceVault.abi.UnpackIntoInterface(out, "AdvicePending", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RebalanceVaultBadWidth represents a BadWidth error raised by the RebalanceVault contract.
type RebalanceVaultBadWidth struct {
	Width *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadWidth(uint256 width)
func RebalanceVaultBadWidthErrorID() common.Hash {
	return common.HexToHash("0x9e8f010f116012b8e98e3cf6b3f7b44c762ed5258676fa7ebf263c3a0e9cfde8")
}

// UnpackBadWidthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadWidth(uint256 width)
func (rebalanceVault *RebalanceVault) UnpackBadWidthError(raw []byte) (*RebalanceVaultBadWidth, error) {
	out := new(RebalanceVaultBadWidth)
	if err := rebalanceVault.abi.UnpackIntoInterface(out, "BadWidth", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RebalanceVaultNotKeeper represents a NotKeeper error raised by the RebalanceVault contract.
type RebalanceVaultNotKeeper struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotKeeper(address caller)
func RebalanceVaultNotKeeperErrorID() common.Hash {
	return common.HexToHash("0xccf79b67be4db0b0fabcb5c1c5161ff892f8f47e29b3cb839fac684cf1193a00")
}

// UnpackNotKeeperError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotKeeper(address caller)
func (rebalanceVault *RebalanceVault) UnpackNotKeeperError(raw []byte) (*RebalanceVaultNotKeeper, error) {
	out := new(RebalanceVaultNotKeeper)
	if err := rebalanceVault.abi.UnpackIntoInterface(out, "NotKeeper", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RebalanceVaultNotPaid represents a NotPaid error raised by the RebalanceVault contract.
type RebalanceVaultNotPaid struct {
	Job *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPaid(uint256 job)
func RebalanceVaultNotPaidErrorID() common.Hash {
	return common.HexToHash("0x285f1c2f2ba95b8927b1777de4b71644ba37f75a0740a5a709e993a9e5c91040")
}

// UnpackNotPaidError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPaid(uint256 job)
func (rebalanceVault *RebalanceVault) UnpackNotPaidError(raw []byte) (*RebalanceVaultNotPaid, error) {
	out := new(RebalanceVaultNotPaid)
	if err := rebalanceVault.abi.UnpackIntoInterface(out, "NotPaid", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RebalanceVaultNotRegistry represents a NotRegistry error raised by the RebalanceVault contract.
type RebalanceVaultNotRegistry struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotRegistry(address caller)
func RebalanceVaultNotRegistryErrorID() common.Hash {
	return common.HexToHash("0x631a294a41a730c8b83fc0d8fe9f45ed8336003d618d1d97b39459e4ec1deb78")
}

// UnpackNotRegistryError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotRegistry(address caller)
func (rebalanceVault *RebalanceVault) UnpackNotRegistryError(raw []byte) (*RebalanceVaultNotRegistry, error) {
	out := new(RebalanceVaultNotRegistry)
	if err := rebalanceVault.abi.UnpackIntoInterface(out, "NotRegistry", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RebalanceVaultNothingPending represents a NothingPending error raised by the RebalanceVault contract.
type RebalanceVaultNothingPending struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NothingPending()
func RebalanceVaultNothingPendingErrorID() common.Hash {
	return common.HexToHash("0x175c1aea8c453b556720d39e3cb0e313105d00199d98e8a01c1a820f7ffae2f3")
}

// UnpackNothingPendingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NothingPending()
func (rebalanceVault *RebalanceVault) UnpackNothingPendingError(raw []byte) (*RebalanceVaultNothingPending, error) {
	out := new(RebalanceVaultNothingPending)
	if err := rebalanceVault.abi.UnpackIntoInterface(out, "NothingPending", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RebalanceVaultPriceTooHigh represents a PriceTooHigh error raised by the RebalanceVault contract.
type RebalanceVaultPriceTooHigh struct {
	Price    *big.Int
	MaxPrice *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PriceTooHigh(uint256 price, uint256 maxPrice)
func RebalanceVaultPriceTooHighErrorID() common.Hash {
	return common.HexToHash("0x87ebe85d75ed17dc04c703d71bd5891a24af9557ff1131d3981863e44a03cc4b")
}

// UnpackPriceTooHighError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PriceTooHigh(uint256 price, uint256 maxPrice)
func (rebalanceVault *RebalanceVault) UnpackPriceTooHighError(raw []byte) (*RebalanceVaultPriceTooHigh, error) {
	out := new(RebalanceVaultPriceTooHigh)
	if err := rebalanceVault.abi.UnpackIntoInterface(out, "PriceTooHigh", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RebalanceVaultSlotOutOfRange represents a SlotOutOfRange error raised by the RebalanceVault contract.
type RebalanceVaultSlotOutOfRange struct {
	Index *big.Int
	Slots *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SlotOutOfRange(uint256 index, uint256 slots)
func RebalanceVaultSlotOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x02c40bc45d4118fe2dae814d2fc454e9ab2d45f0c9998bf4808ffed58a288f0c")
}

// UnpackSlotOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SlotOutOfRange(uint256 index, uint256 slots)
func (rebalanceVault *RebalanceVault) UnpackSlotOutOfRangeError(raw []byte) (*RebalanceVaultSlotOutOfRange, error) {
	out := new(RebalanceVaultSlotOutOfRange)
	if err := rebalanceVault.abi.UnpackIntoInterface(out, "SlotOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RebalanceVaultUnexpectedJob represents a UnexpectedJob error raised by the RebalanceVault contract.
type RebalanceVaultUnexpectedJob struct {
	Job     *big.Int
	Pending *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnexpectedJob(uint256 job, uint256 pending)
func RebalanceVaultUnexpectedJobErrorID() common.Hash {
	return common.HexToHash("0xc3456c3084a3ba1a2e05ac46d6e91566db75668ad113fc16d1ca389b26e01d64")
}

// UnpackUnexpectedJobError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnexpectedJob(uint256 job, uint256 pending)
func (rebalanceVault *RebalanceVault) UnpackUnexpectedJobError(raw []byte) (*RebalanceVaultUnexpectedJob, error) {
	out := new(RebalanceVaultUnexpectedJob)
	if err := rebalanceVault.abi.UnpackIntoInterface(out, "UnexpectedJob", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RebalanceVaultValueOutOfRange represents a ValueOutOfRange error raised by the RebalanceVault contract.
type RebalanceVaultValueOutOfRange struct {
	Index *big.Int
	Value *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ValueOutOfRange(uint256 index, int256 value)
func RebalanceVaultValueOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x981b92076c0732aff21dd807192d8430171a0e54e03bad60a1ea8074a5f93c32")
}

// UnpackValueOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ValueOutOfRange(uint256 index, int256 value)
func (rebalanceVault *RebalanceVault) UnpackValueOutOfRangeError(raw []byte) (*RebalanceVaultValueOutOfRange, error) {
	out := new(RebalanceVaultValueOutOfRange)
	if err := rebalanceVault.abi.UnpackIntoInterface(out, "ValueOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}
