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
	ABI: "[{\"inputs\":[{\"internalType\":\"contractRegistry\",\"name\":\"registry_\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"model_\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"inputWidth_\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"outputWidth_\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"holdIndex_\",\"type\":\"uint8\"},{\"internalType\":\"uint8\",\"name\":\"rebalanceIndex_\",\"type\":\"uint8\"},{\"internalType\":\"uint32\",\"name\":\"callbackGas_\",\"type\":\"uint32\"}],\"stateMutability\":\"payable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"}],\"name\":\"AdvicePending\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"width\",\"type\":\"uint256\"}],\"name\":\"BadWidth\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotKeeper\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotRegistry\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"slots\",\"type\":\"uint256\"}],\"name\":\"SlotOutOfRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"pending\",\"type\":\"uint256\"}],\"name\":\"UnexpectedJob\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"index\",\"type\":\"uint256\"},{\"internalType\":\"int256\",\"name\":\"value\",\"type\":\"int256\"}],\"name\":\"ValueOutOfRange\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"int256\",\"name\":\"hold\",\"type\":\"int256\"},{\"indexed\":false,\"internalType\":\"int256\",\"name\":\"rebalance\",\"type\":\"int256\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"acted\",\"type\":\"bool\"}],\"name\":\"Advice\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"input\",\"type\":\"uint256\"}],\"name\":\"AdviceRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"input\",\"type\":\"uint256\"}],\"name\":\"Observed\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"callbackGas\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"cancelAdvice\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"features\",\"outputs\":[{\"internalType\":\"int256\",\"name\":\"\",\"type\":\"int256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"holdIndex\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"inputWidth\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"keeper\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastHold\",\"outputs\":[{\"internalType\":\"int64\",\"name\":\"\",\"type\":\"int64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastRebalance\",\"outputs\":[{\"internalType\":\"int64\",\"name\":\"\",\"type\":\"int64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"model\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"int256[]\",\"name\":\"q\",\"type\":\"int256[]\"}],\"name\":\"observe\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"model_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"output\",\"type\":\"uint256\"}],\"name\":\"onInference\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"outputWidth\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingJob\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"rebalanceIndex\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"rebalances\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"registry\",\"outputs\":[{\"internalType\":\"contractRegistry\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"requestAdvice\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"stateMutability\":\"payable\",\"type\":\"receive\"}]",
	ID:  "RebalanceVault",
	Bin: "0x6101806040526040516111d43803806111d483398101604081905261002391610079565b6001600160a01b0390961660805260a0949094523360c05260ff92831660e05290821661010052811661012052166101405263ffffffff166101605261010d565b805160ff81168114610074575f5ffd5b919050565b5f5f5f5f5f5f5f60e0888a03121561008f575f5ffd5b87516001600160a01b03811681146100a5575f5ffd5b602089015190975095506100bb60408901610064565b94506100c960608901610064565b93506100d760808901610064565b92506100e560a08901610064565b915060c088015163ffffffff811681146100fd575f5ffd5b8091505092959891949750929550565b60805160a05160c05160e051610100516101205161014051610160516110036101d15f395f818161032b01526109b801525f81816102ae01526105f301525f818161027b01526105a101525f81816101eb0152818161057d01526105cf01525f81816103a6015281816107d1015261088c01525f8181610373015261072c01525f818161011901528181610520015281816108c2015261097001525f81816102300152818161045c015281816104cd015281816108f501526109eb01526110035ff3fe6080604052600436106100fd575f3560e01c80638ede6f9f11610092578063aced166111610062578063aced166114610362578063b49abcc514610395578063b81b8eb3146103c8578063b986e2c7146103e7578063e7f9605b14610406575f5ffd5b80638ede6f9f146102d05780638f13e204146102ef5780639c5a49e614610305578063a10132ad1461031a575f5ffd5b80634f065fd8116100cd5780634f065fd8146101da5780637b1039991461021f5780638336c9901461026a57806388bd49a11461029d575f5ffd5b80630ad9d05214610108578063106b9ca11461014e57806322c052cc1461018157806344ce8a9f1461019a575f5ffd5b3661010457005b5f5ffd5b348015610113575f5ffd5b5061013b7f000000000000000000000000000000000000000000000000000000000000000081565b6040519081526020015b60405180910390f35b348015610159575f5ffd5b5060025461016e90600160401b900460070b81565b60405160079190910b8152602001610145565b34801561018c575f5ffd5b5060025461016e9060070b81565b3480156101a5575f5ffd5b506002546101c190600160801b900467ffffffffffffffff1681565b60405167ffffffffffffffff9091168152602001610145565b3480156101e5575f5ffd5b5061020d7f000000000000000000000000000000000000000000000000000000000000000081565b60405160ff9091168152602001610145565b34801561022a575f5ffd5b506102527f000000000000000000000000000000000000000000000000000000000000000081565b6040516001600160a01b039091168152602001610145565b348015610275575f5ffd5b5061020d7f000000000000000000000000000000000000000000000000000000000000000081565b3480156102a8575f5ffd5b5061020d7f000000000000000000000000000000000000000000000000000000000000000081565b3480156102db575f5ffd5b5061013b6102ea366004610c97565b610425565b3480156102fa575f5ffd5b50610303610443565b005b348015610310575f5ffd5b5061013b60015481565b348015610325575f5ffd5b5061034d7f000000000000000000000000000000000000000000000000000000000000000081565b60405163ffffffff9091168152602001610145565b34801561036d575f5ffd5b506102527f000000000000000000000000000000000000000000000000000000000000000081565b3480156103a0575f5ffd5b5061020d7f000000000000000000000000000000000000000000000000000000000000000081565b3480156103d3575f5ffd5b506103036103e2366004610cae565b6104c2565b3480156103f2575f5ffd5b50610303610401366004610cd7565b610721565b348015610411575f5ffd5b5061013b610420366004610d48565b61080f565b5f8181548110610433575f80fd5b5f91825260209091200154905081565b60015460405163278ecde160e01b8152600481018290527f00000000000000000000000000000000000000000000000000000000000000006001600160a01b03169063278ecde1906024015f604051808303815f87803b1580156104a5575f5ffd5b505af11580156104b7573d5f5f3e3d5ffd5b50505f600155505050565b336001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016146105125760405163318d14a560e11b81523360048201526024015b60405180910390fd5b6001548314158061054357507f00000000000000000000000000000000000000000000000000000000000000008214155b1561056f57600154604051630c3456c360e41b8152610509918591600401918252602082015260400190565b5f60018190556105c68260ff7f00000000000000000000000000000000000000000000000000000000000000008116907f000000000000000000000000000000000000000000000000000000000000000016610ab5565b90505f61061a837f000000000000000000000000000000000000000000000000000000000000000060ff167f000000000000000000000000000000000000000000000000000000000000000060ff16610ab5565b9050600782810b9082900b1382828261064657600254600160801b900467ffffffffffffffff16610665565b60025461066590600160801b900467ffffffffffffffff166001610d8a565b6002805477ffffffffffffffffffffffffffffffff00000000000000001916600160801b67ffffffffffffffff938416026fffffffffffffffff0000000000000000191617600160401b938316939093029290921767ffffffffffffffff1916921691909117905560408051600785810b825284900b60208201528215159181019190915286907f6cce9faeaffc4a3b90353a3caeeba0fd70f0d4d93db6433b4333a2adb0e521119060600160405180910390a2505050505050565b336001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000161461076c5760405163ccf79b6760e01b8152336004820152602401610509565b5f610778828483610dd5565b507f285796b93631ee44c33ef9e93a116ae91dce46f46fe62abf08d9ffb7bb3f663f6107fa8383808060200260200160405190810160405280939291908181526020018383602002808284375f920191909152505060ff7f0000000000000000000000000000000000000000000000000000000000000000169150610b2c9050565b60405190815260200160405180910390a15050565b5f6001545f1461083857600154604051637d7b4a9d60e11b815260040161050991815260200190565b5f6108b35f80548060200260200160405190810160405280929190818152602001828054801561088557602002820191905f5260205f20905b815481526020019060010190808311610871575b50505050507f000000000000000000000000000000000000000000000000000000000000000060ff16610b2c565b604051636a030ca960e01b81527f000000000000000000000000000000000000000000000000000000000000000060048201529091505f906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000001690636a030ca99060240161010060405180830381865afa15801561093b573d5f5f3e3d5ffd5b505050506040513d601f19601f8201168201806040525081019061095f9190610e90565b5050604051637cd401c760e01b81527f000000000000000000000000000000000000000000000000000000000000000060048201526024810189905267ffffffffffffffff8b16604482015230606482015263ffffffff7f0000000000000000000000000000000000000000000000000000000000000000166084820152949650506001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000169450637cd401c7936bffffffffffffffffffffffff8716935060a4019150610a309050565b60206040518083038185885af1158015610a4c573d5f5f3e3d5ffd5b50505050506040513d601f19601f82011682018060405250810190610a719190610f3f565b600181905560405183815290935083907fbabf866bf32c53d8bf8c985279458fe39d0952527e5bf4488ac3e219ca77ac5c9060200160405180910390a25050919050565b5f5f610ac084610c57565b9050808310610aeb5760405162b102f160e21b81526004810184905260248101829052604401610509565b5f610af9600180871b610f56565b610b038686610dbe565b87901c169050610b14600186610f56565b610b22906001901b82610f69565b9695505050505050565b5f5f610b3783610c57565b90508084511115610b6757835160405162b102f160e21b8152600481019190915260248101829052604401610509565b5f610b73600185610f56565b6001901b90505f5b8551811015610c4e57610b8d82610f8f565b868281518110610b9f57610b9f610fa9565b60200260200101511280610bcc575081868281518110610bc157610bc1610fa9565b602002602001015112155b15610c105780868281518110610be457610be4610fa9565b602002602001015160405163981b920760e01b8152600401610509929190918252602082015260400190565b610c1a8582610dbe565b82878381518110610c2d57610c2d610fa9565b6020026020010151610c3f9190610fbd565b901b9390931792600101610b7b565b50505092915050565b5f811580610c655750604082115b15610c8657604051639e8f010f60e01b815260048101839052602401610509565b610c918260fd610fe4565b92915050565b5f60208284031215610ca7575f5ffd5b5035919050565b5f5f5f60608486031215610cc0575f5ffd5b505081359360208301359350604090920135919050565b5f5f60208385031215610ce8575f5ffd5b823567ffffffffffffffff811115610cfe575f5ffd5b8301601f81018513610d0e575f5ffd5b803567ffffffffffffffff811115610d24575f5ffd5b8560208260051b8401011115610d38575f5ffd5b6020919091019590945092505050565b5f60208284031215610d58575f5ffd5b813567ffffffffffffffff81168114610d6f575f5ffd5b9392505050565b634e487b7160e01b5f52601160045260245ffd5b67ffffffffffffffff8181168382160190811115610c9157610c91610d76565b634e487b7160e01b5f52604160045260245ffd5b8082028115828204841417610c9157610c91610d76565b67ffffffffffffffff831115610ded57610ded610daa565b600160401b831115610e0157610e01610daa565b805483825580841015610e3557815f528360205f20018482035f5b81811015610e31575f83820155600101610e1c565b5050505b505f8181526020812083915b85811015610e5d57823582820155602090920191600101610e41565b505050505050565b6001600160a01b0381168114610e79575f5ffd5b50565b80518015158114610e8b575f5ffd5b919050565b5f5f5f5f5f5f5f5f610100898b031215610ea8575f5ffd5b8851610eb381610e65565b60208a01519098506bffffffffffffffffffffffff81168114610ed4575f5ffd5b60408a0151909750610ee581610e65565b60608a015190965061ffff81168114610efc575f5ffd5b60808a015190955063ffffffff81168114610f15575f5ffd5b9350610f2360a08a01610e7c565b60c08a015160e0909a0151989b979a5095989497939692505050565b5f60208284031215610f4f575f5ffd5b5051919050565b81810381811115610c9157610c91610d76565b8181035f831280158383131683831282161715610f8857610f88610d76565b5092915050565b5f600160ff1b8201610fa357610fa3610d76565b505f0390565b634e487b7160e01b5f52603260045260245ffd5b8082018281125f831280158216821582161715610fdc57610fdc610d76565b505092915050565b5f82610ffe57634e487b7160e01b5f52601260045260245ffd5b50049056",
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
// Solidity: constructor(address registry_, uint256 model_, uint8 inputWidth_, uint8 outputWidth_, uint8 holdIndex_, uint8 rebalanceIndex_, uint32 callbackGas_) payable returns()
func (rebalanceVault *RebalanceVault) PackConstructor(registry_ common.Address, model_ *big.Int, inputWidth_ uint8, outputWidth_ uint8, holdIndex_ uint8, rebalanceIndex_ uint8, callbackGas_ uint32) []byte {
	enc, err := rebalanceVault.abi.Pack("", registry_, model_, inputWidth_, outputWidth_, holdIndex_, rebalanceIndex_, callbackGas_)
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
	if bytes.Equal(raw[:4], rebalanceVault.abi.Errors["NotRegistry"].ID.Bytes()[:4]) {
		return rebalanceVault.UnpackNotRegistryError(raw[4:])
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
