// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package registry

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

// VerifierVerifyingKey is an auto generated low-level Go binding around an user-defined struct.
type VerifierVerifyingKey struct {
	Alpha             [2]*big.Int
	Beta              [4]*big.Int
	Gamma             [4]*big.Int
	Delta             [4]*big.Int
	Ic                [14]*big.Int
	PedersenG         [4]*big.Int
	PedersenGSigmaNeg [4]*big.Int
}

// RegistryMetaData contains all meta data concerning the Registry contract.
var RegistryMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"consumer\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"callbackGas\",\"type\":\"uint32\"}],\"name\":\"BadCallbackGas\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"transcript\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"contributions\",\"type\":\"uint32\"}],\"name\":\"BadSetup\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"consumer\",\"type\":\"address\"}],\"name\":\"ConsumerHasNoCode\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"now_\",\"type\":\"uint256\"}],\"name\":\"DeadlineNotPassed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"deadline\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"now_\",\"type\":\"uint256\"}],\"name\":\"DeadlinePassed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"}],\"name\":\"DeadlineTooFar\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721IncorrectOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721InsufficientApproval\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"approver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidApprover\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOperator\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"ERC721InvalidOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"receiver\",\"type\":\"address\"}],\"name\":\"ERC721InvalidReceiver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"sender\",\"type\":\"address\"}],\"name\":\"ERC721InvalidSender\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ERC721NonexistentToken\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"gasLeft\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"}],\"name\":\"GasTooLowForCallback\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"},{\"internalType\":\"enumRegistry.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"JobNotOpen\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"model\",\"type\":\"uint256\"}],\"name\":\"ModelIsRetired\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"string\",\"name\":\"what\",\"type\":\"string\"}],\"name\":\"NotInField\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"model\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotModelHolder\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NothingToWithdraw\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"}],\"name\":\"ProofRejected\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"Reentrancy\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint16\",\"name\":\"royaltyBps\",\"type\":\"uint16\"}],\"name\":\"RoyaltyTooHigh\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"TransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"}],\"name\":\"UnknownJob\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"model\",\"type\":\"uint256\"}],\"name\":\"UnknownModel\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sent\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"}],\"name\":\"WrongPayment\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"approved\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Approval\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"ApprovalForAll\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"consumer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"ok\",\"type\":\"bool\"}],\"name\":\"ConsumerCalled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"prover\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"output\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"proverAmount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"royalty\",\"type\":\"uint256\"}],\"name\":\"JobPaid\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"requester\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"JobRefunded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"model\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"requester\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"input\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"consumer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"callbackGas\",\"type\":\"uint32\"}],\"name\":\"JobRequested\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"model\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"verifier\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint16\",\"name\":\"royaltyBps\",\"type\":\"uint16\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"setupTranscript\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint32\",\"name\":\"setupContributions\",\"type\":\"uint32\"},{\"indexed\":false,\"internalType\":\"bytes32\",\"name\":\"vkHash\",\"type\":\"bytes32\"}],\"name\":\"ModelRegistered\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"model\",\"type\":\"uint256\"}],\"name\":\"ModelRetired\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"model\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"price\",\"type\":\"uint256\"}],\"name\":\"PriceChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"Transfer\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"MAX_CALLBACK_GAS\",\"outputs\":[{\"internalType\":\"uint32\",\"name\":\"\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_ROYALTY_BPS\",\"outputs\":[{\"internalType\":\"uint16\",\"name\":\"\",\"type\":\"uint16\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"accountOpen\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"approve\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"}],\"name\":\"balanceOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"balances\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"getApproved\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"}],\"name\":\"isApprovedForAll\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"jobCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"jobs\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"requester\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"amount\",\"type\":\"uint96\"},{\"internalType\":\"address\",\"name\":\"prover\",\"type\":\"address\"},{\"internalType\":\"uint40\",\"name\":\"deadline\",\"type\":\"uint40\"},{\"internalType\":\"enumRegistry.Status\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"uint40\",\"name\":\"model\",\"type\":\"uint40\"},{\"internalType\":\"bool\",\"name\":\"hasConsumer\",\"type\":\"bool\"},{\"internalType\":\"uint256\",\"name\":\"input\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"consumer\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"callbackGas\",\"type\":\"uint32\"},{\"internalType\":\"uint256\",\"name\":\"output\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"model\",\"type\":\"uint256\"}],\"name\":\"keySetup\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"ceremony\",\"type\":\"bool\"},{\"internalType\":\"bytes32\",\"name\":\"transcript\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"contributions\",\"type\":\"uint32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"modelCount\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"models\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"uint96\",\"name\":\"price\",\"type\":\"uint96\"},{\"internalType\":\"contractVerifier\",\"name\":\"verifier\",\"type\":\"address\"},{\"internalType\":\"uint16\",\"name\":\"royaltyBps\",\"type\":\"uint16\"},{\"internalType\":\"uint32\",\"name\":\"setupContributions\",\"type\":\"uint32\"},{\"internalType\":\"bool\",\"name\":\"retired\",\"type\":\"bool\"},{\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"setupTranscript\",\"type\":\"bytes32\"},{\"internalType\":\"bytes32\",\"name\":\"vkHash\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"name\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"openAccount\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"ownerOf\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"}],\"name\":\"refund\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"commitment\",\"type\":\"uint256\"},{\"components\":[{\"internalType\":\"uint256[2]\",\"name\":\"alpha\",\"type\":\"uint256[2]\"},{\"internalType\":\"uint256[4]\",\"name\":\"beta\",\"type\":\"uint256[4]\"},{\"internalType\":\"uint256[4]\",\"name\":\"gamma\",\"type\":\"uint256[4]\"},{\"internalType\":\"uint256[4]\",\"name\":\"delta\",\"type\":\"uint256[4]\"},{\"internalType\":\"uint256[14]\",\"name\":\"ic\",\"type\":\"uint256[14]\"},{\"internalType\":\"uint256[4]\",\"name\":\"pedersenG\",\"type\":\"uint256[4]\"},{\"internalType\":\"uint256[4]\",\"name\":\"pedersenGSigmaNeg\",\"type\":\"uint256[4]\"}],\"internalType\":\"structVerifier.VerifyingKey\",\"name\":\"vk\",\"type\":\"tuple\"},{\"internalType\":\"uint96\",\"name\":\"price\",\"type\":\"uint96\"},{\"internalType\":\"uint16\",\"name\":\"royaltyBps\",\"type\":\"uint16\"},{\"internalType\":\"bytes32\",\"name\":\"setupTranscript\",\"type\":\"bytes32\"},{\"internalType\":\"uint32\",\"name\":\"setupContributions\",\"type\":\"uint32\"}],\"name\":\"registerModel\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"model\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"input\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"},{\"internalType\":\"address\",\"name\":\"consumer\",\"type\":\"address\"},{\"internalType\":\"uint32\",\"name\":\"callbackGas\",\"type\":\"uint32\"}],\"name\":\"requestJob\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"stateMutability\":\"payable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"model\",\"type\":\"uint256\"}],\"name\":\"retire\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"data\",\"type\":\"bytes\"}],\"name\":\"safeTransferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"operator\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"approved\",\"type\":\"bool\"}],\"name\":\"setApprovalForAll\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"model\",\"type\":\"uint256\"},{\"internalType\":\"uint96\",\"name\":\"price\",\"type\":\"uint96\"}],\"name\":\"setPrice\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"job\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"output\",\"type\":\"uint256\"}],\"name\":\"submitProof\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes4\",\"name\":\"interfaceId\",\"type\":\"bytes4\"}],\"name\":\"supportsInterface\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"symbol\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"tokenURI\",\"outputs\":[{\"internalType\":\"string\",\"name\":\"\",\"type\":\"string\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"from\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"to\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"tokenId\",\"type\":\"uint256\"}],\"name\":\"transferFrom\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "Registry",
	Bin: "0x608060405234801561000f575f5ffd5b506040518060400160405280600b81526020016a7a6b6d6c206d6f64656c7360a81b815250604051806040016040528060048152602001631692d35360e21b815250815f908161005f9190610117565b50600161006c8282610117565b5050506101d5565b634e487b7160e01b5f52604160045260245ffd5b600181811c9082168061009c57607f821691505b6020821081036100ba57634e487b7160e01b5f52602260045260245ffd5b50919050565b601f821115610112578282111561011257805f5260205f20601f840160051c60208510156100eb57505f5b90810190601f840160051c035f5b8181101561010e575f838201556001016100f9565b5050505b505050565b81516001600160401b0381111561013057610130610074565b6101448161013e8454610088565b846100c0565b6020601f821160018114610176575f831561015f5750848201515b5f19600385901b1c1916600184901b1784556101ce565b5f84815260208120601f198516915b828110156101a55787850151825560209485019460019092019101610185565b50848210156101c257868401515f19600387901b60f8161c191681555b505060018360011b0184555b5050505050565b613c4c806101e25f395ff3fe6080604052600436106101c5575f3560e01c80634c5d8a0f116100f257806395d89b4111610092578063c6a645fe11610062578063c6a645fe146106b2578063c87b56dd146106c7578063e985e9c5146106e6578063f664524e14610705575f5ffd5b806395d89b4114610641578063a11c01a814610655578063a22cb46514610674578063b88d4fde14610693575f5ffd5b80636d9809a0116100cd5780636d9809a0146105a257806370a08231146105cd57806371e31706146105ec5780637cd401c71461062e575f5ffd5b80634c5d8a0f1461047b5780636352211e146104905780636a030ca9146104af575f5ffd5b8063278ecde1116101685780633ccfd60b116101385780633ccfd60b146104015780633d8886f1146104155780633dca40e61461043457806342842e0e1461045c575f5ffd5b8063278ecde11461038257806327e235e3146103a1578063292eb75d146103ce5780633790cf57146103e2575f5ffd5b8063095ea7b3116101a3578063095ea7b314610255578063097a5ee314610276578063180aedf3146102ac57806323b872dd14610363575f5ffd5b806301ffc9a7146101c957806306fdde03146101fd578063081812fc1461021e575b5f5ffd5b3480156101d4575f5ffd5b506101e86101e3366004612048565b610724565b60405190151581526020015b60405180910390f35b348015610208575f5ffd5b50610211610775565b6040516101f49190612091565b348015610229575f5ffd5b5061023d6102383660046120a3565b610804565b6040516001600160a01b0390911681526020016101f4565b348015610260575f5ffd5b5061027461026f3660046120d5565b61082b565b005b348015610281575f5ffd5b506101e86102903660046120fd565b6001600160a01b03165f90815260086020526040902054151590565b3480156102b7575f5ffd5b5061034c6102c63660046120a3565b60076020525f9081526040902080546001820154600283015460038401546004909401546001600160a01b03808516956001600160601b03600160a01b9687900416958583169564ffffffffff82820481169660ff600160c81b8404811697600160d01b850490931696600160f81b909404169490939281169263ffffffff910416908b565b6040516101f49b9a9998979695949392919061214a565b34801561036e575f5ffd5b5061027461037d3660046121de565b61083a565b34801561038d575f5ffd5b5061027461039c3660046120a3565b6108c8565b3480156103ac575f5ffd5b506103c06103bb3660046120fd565b610a31565b6040519081526020016101f4565b3480156103d9575f5ffd5b50610274610a68565b3480156103ed575f5ffd5b506102746103fc3660046120a3565b610a92565b34801561040c575f5ffd5b50610274610ae6565b348015610420575f5ffd5b5061027461042f36600461222e565b610c24565b34801561043f575f5ffd5b5061044961271081565b60405161ffff90911681526020016101f4565b348015610467575f5ffd5b506102746104763660046121de565b610c98565b348015610486575f5ffd5b506103c0600a5481565b34801561049b575f5ffd5b5061023d6104aa3660046120a3565b610cb7565b3480156104ba575f5ffd5b506105386104c93660046120a3565b60066020525f9081526040902080546001820154600283015460038401546004909401546001600160a01b0380851695600160a01b958690046001600160601b0316959185169491820461ffff1693600160b01b830463ffffffff1693600160d01b90930460ff169290919089565b604080516001600160a01b039a8b1681526001600160601b0390991660208a0152989096169787019790975261ffff909316606086015263ffffffff9091166080850152151560a084015260c083015260e0820192909252610100810191909152610120016101f4565b3480156105ad575f5ffd5b506105b8620f424081565b60405163ffffffff90911681526020016101f4565b3480156105d8575f5ffd5b506103c06105e73660046120fd565b610cc1565b3480156105f7575f5ffd5b5061060b6106063660046120a3565b610d06565b604080519315158452602084019290925263ffffffff16908201526060016101f4565b6103c061063c36600461226b565b610d69565b34801561064c575f5ffd5b506102116110f2565b348015610660575f5ffd5b5061027461066f3660046122cc565b611101565b34801561067f575f5ffd5b5061027461068e366004612357565b611471565b34801561069e575f5ffd5b506102746106ad3660046123a0565b61147c565b3480156106bd575f5ffd5b506103c060095481565b3480156106d2575f5ffd5b506102116106e13660046120a3565b611494565b3480156106f1575f5ffd5b506101e861070036600461247d565b611504565b348015610710575f5ffd5b506103c061071f3660046124a5565b611531565b5f6001600160e01b031982166380ac58cd60e01b148061075457506001600160e01b03198216635b5e139f60e01b145b8061076f57506301ffc9a760e01b6001600160e01b03198316145b92915050565b60605f805461078390612520565b80601f01602080910402602001604051908101604052809291908181526020018280546107af90612520565b80156107fa5780601f106107d1576101008083540402835291602001916107fa565b820191905f5260205f20905b8154815290600101906020018083116107dd57829003601f168201915b5050505050905090565b5f61080e826117a5565b505f828152600460205260409020546001600160a01b031661076f565b6108368282336117dd565b5050565b6001600160a01b03821661086857604051633250574960e11b81525f60048201526024015b60405180910390fd5b5f6108748383336117ea565b9050836001600160a01b0316816001600160a01b0316146108c2576040516364283d7b60e01b81526001600160a01b038086166004830152602482018490528216604482015260640161085f565b50505050565b5f818152600760205260409020600180820154600160c81b900460ff16908160038111156108f8576108f8612116565b14610951575f81600381111561091057610910612116565b0361093157604051630510aa5f60e41b81526004810184905260240161085f565b8281604051600162dae87360e01b0319815260040161085f929190612558565b6001820154600160a01b900464ffffffffff16421161099e57600182015460405163408b57fb60e01b8152600160a01b90910464ffffffffff16600482015242602482015260440161085f565b60018201805460ff60c81b1916600360c81b17905581546109d9906001600160a01b03811690600160a01b90046001600160601b0316611829565b8154604051600160a01b82046001600160601b031681526001600160a01b039091169084907f6a1f355817b0c67f49d69eab66ba0feb8193205ca23b6ba8653427ff2d2790cc906020015b60405180910390a3505050565b6001600160a01b0381165f908152600860205260408120548015610a5f57610a5a600182612580565b610a61565b5f5b9392505050565b335f908152600860205260408120549003610a9057335f908152600860205260409020600190555b565b610a9b8161187b565b5f81815260066020526040808220600101805460ff60d01b1916600160d01b1790555182917f791bfce3bfc5ac11726f885364a02a911d7554b6bb98088264f2cb3be3a125fa91a250565b60ff5f5c1615610b095760405163558a1e0360e11b815260040160405180910390fd5b60015f805c60ff19168217905d50335f9081526008602052604090205460018111610b4957604051636e34ee0b60e11b815233600482015260240161085f565b5f610b55600183612580565b335f81815260086020526040908190206001905551919250907f7084f5476618d8e60b11ef0d7d3f06914655adb8793e28ff7f018d4c76d505d590610b9d9084815260200190565b60405180910390a26040515f90339083908381818185875af1925050503d805f8114610be4576040519150601f19603f3d011682016040523d82523d5f602084013e610be9565b606091505b5050905080610c1457604051630e21dcbb60e11b81523360048201526024810183905260440161085f565b505f91505060ff19815c16815d50565b610c2d8261187b565b5f8281526006602090815260409182902080546001600160a01b0316600160a01b6001600160601b03861690810291909117909155915191825283917f8aa4fa52648a6d15edce8a179c792c86f3719d0cc3c572cf90f91948f0f2cb68910160405180910390a25050565b610cb283838360405180602001604052805f81525061147c565b505050565b5f61076f826117a5565b5f6001600160a01b038216610ceb576040516322718ad960e21b81525f600482015260240161085f565b506001600160a01b03165f9081526003602052604090205490565b5f8181526006602052604081208054829182916001600160a01b0316610d4257604051632380022d60e01b81526004810186905260240161085f565b6001810154600390910154600160b01b90910463ffffffff16801515969195509350915050565b5f85815260066020526040812080546001600160a01b0316610da157604051632380022d60e01b81526004810188905260240161085f565b6001810154600160d01b900460ff1615610dd157604051631d9ad9bd60e31b81526004810188905260240161085f565b7f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f00000018610610e29576040516305c0d23760e41b81526020600482015260056024820152641a5b9c1d5d60da1b604482015260640161085f565b8054600160a01b90046001600160601b03163414610e74578054604051630374cb4760e21b8152346004820152600160a01b9091046001600160601b0316602482015260440161085f565b428567ffffffffffffffff1611610eb05760405163041f95d160e51b815267ffffffffffffffff8616600482015242602482015260440161085f565b64ffffffffff67ffffffffffffffff86161115610eec57604051631e25207360e31b815267ffffffffffffffff8616600482015260240161085f565b6001600160a01b0384161563ffffffff841615141580610f145750620f424063ffffffff8416115b15610f495760405163f425e5ff60e01b81526001600160a01b038516600482015263ffffffff8416602482015260440161085f565b6001600160a01b03841615801590610f6957506001600160a01b0384163b155b15610f925760405163f4ad573d60e01b81526001600160a01b038516600482015260240161085f565b600a5f8154610fa090612593565b91829055505f8181526007602052604090206001600160601b033416600160a01b9081023317825560018201805464ffffffffff8c8116600160d01b0264ffffffffff60d01b19918c16909402166affffffffff00ffffffffff60a01b19909116179190911760ff60c81b1916600160c81b179055600281018890559092506001600160a01b0385161561107d576003810180546001600160c01b031916600160a01b63ffffffff8716026001600160a01b031916176001600160a01b038716179055600181018054600160f81b6001600160f81b039091161790555b6040805188815234602082015267ffffffffffffffff8816818301526001600160a01b038716606082015263ffffffff86166080820152905133918a9186917f727f94f3e4099dc892b92ac095c73fccbb60d33479d54861ebd29889fb085755919081900360a00190a4505095945050505050565b60606001805461078390612520565b60ff5f5c16156111245760405163558a1e0360e11b815260040160405180910390fd5b5f848152600760205260409020600180820154600160c81b900460ff169081600381111561115457611154612116565b146111ad575f81600381111561116c5761116c612116565b0361118d57604051630510aa5f60e41b81526004810187905260240161085f565b8581604051600162dae87360e01b0319815260040161085f929190612558565b6001820154600160a01b900464ffffffffff164211156111fb57600182015460405163041f95d160e51b8152600160a01b90910464ffffffffff16600482015242602482015260440161085f565b6001820154600160d01b900464ffffffffff165f9081526006602052604090207f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f00000018410611274576040516305c0d23760e41b81526020600482015260066024820152651bdd5d1c1d5d60d21b604482015260640161085f565b6040805160a081018252600280840154825285015460208201528082018690526060810189905233608082015260018301549151630af9a23560e21b815290916001600160a01b031690632be688d4906112d6908a908a9086906004016125ab565b602060405180830381865afa1580156112f1573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906113159190612605565b61133557604051636255f36360e11b81526004810189905260240161085f565b60018481018054600160c91b600165ff000000000160a01b03199091163317179055600485018690558454908301546001600160601b03600160a01b9283900416915f916127109161138c910461ffff1684612620565b6113969190612637565b905080156113b35783546113b3906001600160a01b031682611829565b6113c6336113c18385612580565b611829565b338a7fc66b74e5b8a0c41287f5707852bd85ed339a678cfaf392d6220bb13ea38524b8896113f48587612580565b604080519283526020830191909152810185905260600160405180910390a36001860154600160f81b900460ff16156114655760038601546001870154611465916001600160a01b03811691600160a01b90910463ffffffff16908d90600160d01b900464ffffffffff168b6118e5565b50505050505050505050565b6108363383836119df565b61148784848461083a565b6108c23385858585611a75565b606061149f826117a5565b505f6114b560408051602081019091525f815290565b90505f8151116114d35760405180602001604052805f815250610a61565b806114dd84611b9d565b6040516020016114ee92919061266d565b6040516020818303038152906040529392505050565b6001600160a01b039182165f90815260056020908152604080832093909416825291909152205460ff1690565b5f7f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001871061158f576040516305c0d23760e41b815260206004820152600a60248201526918dbdb5b5a5d1b595b9d60b21b604482015260640161085f565b61271061ffff851611156115bc576040516314df3fa960e31b815261ffff8516600482015260240161085f565b821563ffffffff831615146115f35760405163f0c739a960e01b81526004810184905263ffffffff8316602482015260440161085f565b5f8660405161160190612023565b61160b9190612681565b604051809103905ff080158015611624573d5f5f3e3d5ffd5b50335f908152600860205260408120549192500361164f57335f908152600860205260409020600190555b60095f815461165d90612593565b9182905550915061166e3383611c2d565b5f82815260066020526040902080546001600160a01b03908116600160a01b6001600160601b038a1681029190911783556001830180549285166001600160b01b03199093169290921761ffff89169091021763ffffffff60b01b1916600160b01b63ffffffff8716021790556002810189905584156116f057600381018590555b5f886040516020016117029190612681565b60408051808303601f190181528282528051602091820120600486018190556001600160a01b03871684529083018d90526001600160601b038b168383015261ffff8a1660608401526080830189905263ffffffff881660a084015260c083018190529051909250339186917f88b564cf7345dee3eb451b1983eca3fb28ba19573e607447caf01aec1f3964ed9181900360e00190a35050509695505050505050565b5f818152600260205260408120546001600160a01b03168061076f57604051637e27328960e01b81526004810184905260240161085f565b610cb28383836001611c8e565b5f6117f6848484611d92565b5f9384526006602052604090932080546001600160a01b0319166001600160a01b03959095169490941790935550919050565b6001600160a01b0382165f9081526008602052604090205481811561184e5781611851565b60015b61185b91906126da565b6001600160a01b039093165f908152600860205260409020929092555050565b5f818152600660205260409020546001600160a01b0316806118b357604051632380022d60e01b81526004810183905260240161085f565b6001600160a01b0381163314610836576040516303474c0560e51b81526004810183905233602482015260440161085f565b6040516024810184905260448101839052606481018290525f9060840160408051601f198184030181529190526020810180516001600160e01b031663b81b8eb360e01b17905290505f61271061193d603f88612637565b61194790886126da565b61195191906126da565b9050805a1015611980575a60405163041cf50760e31b815260048101919091526024810182905260440161085f565b5f5f5f8451602086015f8c8cf19050876001600160a01b0316867f89fee7a610b10520d81e163fce45e95577838ceae95b825b24936e01f86ba356836040516119cd911515815260200190565b60405180910390a35050505050505050565b6001600160a01b038216611a1157604051630b61174360e31b81526001600160a01b038316600482015260240161085f565b6001600160a01b038381165f81815260056020908152604080832094871680845294825291829020805460ff191686151590811790915591519182527f17307eab39ab6107e8899845ad3d59bd9653f200f220920489ca2b5937696c319101610a24565b6001600160a01b0383163b15611b9657604051630a85bd0160e11b81526001600160a01b0384169063150b7a0290611ab79088908890879087906004016126ed565b6020604051808303815f875af1925050508015611af1575060408051601f3d908101601f19168201909252611aee91810190612729565b60015b611b58573d808015611b1e576040519150601f19603f3d011682016040523d82523d5f602084013e611b23565b606091505b5080515f03611b5057604051633250574960e11b81526001600160a01b038516600482015260240161085f565b805160208201fd5b6001600160e01b03198116630a85bd0160e11b14611b9457604051633250574960e11b81526001600160a01b038516600482015260240161085f565b505b5050505050565b60605f611ba983611e84565b60010190505f8167ffffffffffffffff811115611bc857611bc861238c565b6040519080825280601f01601f191660200182016040528015611bf2576020820181803683370190505b5090508181016020015b5f19016f181899199a1a9b1b9c1cb0b131b232b360811b600a86061a8153600a8504945084611bfc57509392505050565b6001600160a01b038216611c5657604051633250574960e11b81525f600482015260240161085f565b5f611c6283835f6117ea565b90506001600160a01b03811615610cb2576040516339e3563760e11b81525f600482015260240161085f565b8080611ca257506001600160a01b03821615155b15611d63575f611cb1846117a5565b90506001600160a01b03831615801590611cdd5750826001600160a01b0316816001600160a01b031614155b8015611cf05750611cee8184611504565b155b15611d195760405163a9fbf51f60e01b81526001600160a01b038416600482015260240161085f565b8115611d615783856001600160a01b0316826001600160a01b03167f8c5be1e5ebec7d5bd14f71427d1e84f3dd0314c0f7b2291e5b200ac8c7c3b92560405160405180910390a45b505b50505f90815260046020526040902080546001600160a01b0319166001600160a01b0392909216919091179055565b5f828152600260205260408120546001600160a01b0390811690831615611dbe57611dbe818486611f5b565b6001600160a01b03811615611df857611dd95f855f5f611c8e565b6001600160a01b0381165f90815260036020526040902080545f190190555b6001600160a01b03851615611e26576001600160a01b0385165f908152600360205260409020805460010190555b5f8481526002602052604080822080546001600160a01b0319166001600160a01b0389811691821790925591518793918516917fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef91a4949350505050565b5f8072184f03e93ff9f4daa797ed6e38ed64bf6a1f0160401b8310611ec25772184f03e93ff9f4daa797ed6e38ed64bf6a1f0160401b830492506040015b6d04ee2d6d415b85acef81000000008310611eee576d04ee2d6d415b85acef8100000000830492506020015b662386f26fc100008310611f0c57662386f26fc10000830492506010015b6305f5e1008310611f24576305f5e100830492506008015b6127108310611f3857612710830492506004015b60648310611f4a576064830492506002015b600a831061076f5760010192915050565b611f66838383611fbf565b610cb2576001600160a01b038316611f9457604051637e27328960e01b81526004810182905260240161085f565b60405163177e802f60e01b81526001600160a01b03831660048201526024810182905260440161085f565b5f6001600160a01b0383161580159061201b5750826001600160a01b0316846001600160a01b03161480611ff85750611ff88484611504565b8061201b57505f828152600460205260409020546001600160a01b038481169116145b949350505050565b6115078061274583390190565b6001600160e01b031981168114612045575f5ffd5b50565b5f60208284031215612058575f5ffd5b8135610a6181612030565b5f81518084528060208401602086015e5f602082860101526020601f19601f83011685010191505092915050565b602081525f610a616020830184612063565b5f602082840312156120b3575f5ffd5b5035919050565b80356001600160a01b03811681146120d0575f5ffd5b919050565b5f5f604083850312156120e6575f5ffd5b6120ef836120ba565b946020939093013593505050565b5f6020828403121561210d575f5ffd5b610a61826120ba565b634e487b7160e01b5f52602160045260245ffd5b6004811061214657634e487b7160e01b5f52602160045260245ffd5b9052565b6001600160a01b038c811682526001600160601b038c1660208301528a16604082015264ffffffffff89166060820152610160810161218c608083018a61212a565b64ffffffffff881660a083015286151560c08301528560e08301526121bd6101008301866001600160a01b03169052565b63ffffffff9390931661012082015261014001529998505050505050505050565b5f5f5f606084860312156121f0575f5ffd5b6121f9846120ba565b9250612207602085016120ba565b929592945050506040919091013590565b80356001600160601b03811681146120d0575f5ffd5b5f5f6040838503121561223f575f5ffd5b8235915061224f60208401612218565b90509250929050565b803563ffffffff811681146120d0575f5ffd5b5f5f5f5f5f60a0868803121561227f575f5ffd5b8535945060208601359350604086013567ffffffffffffffff811681146122a4575f5ffd5b92506122b2606087016120ba565b91506122c060808701612258565b90509295509295909350565b5f5f5f5f606085870312156122df575f5ffd5b84359350602085013567ffffffffffffffff8111156122fc575f5ffd5b8501601f8101871361230c575f5ffd5b803567ffffffffffffffff811115612322575f5ffd5b876020828401011115612333575f5ffd5b949760209190910196509394604001359392505050565b8015158114612045575f5ffd5b5f5f60408385031215612368575f5ffd5b612371836120ba565b915060208301356123818161234a565b809150509250929050565b634e487b7160e01b5f52604160045260245ffd5b5f5f5f5f608085870312156123b3575f5ffd5b6123bc856120ba565b93506123ca602086016120ba565b925060408501359150606085013567ffffffffffffffff8111156123ec575f5ffd5b8501601f810187136123fc575f5ffd5b803567ffffffffffffffff8111156124165761241661238c565b604051601f8201601f19908116603f0116810167ffffffffffffffff811182821017156124455761244561238c565b60405281815282820160200189101561245c575f5ffd5b816020840160208301375f6020838301015280935050505092959194509250565b5f5f6040838503121561248e575f5ffd5b612497836120ba565b915061224f602084016120ba565b5f5f5f5f5f5f8688036105208112156124bc575f5ffd5b87359650610480601f19820112156124d2575f5ffd5b506020870194506124e66104a08801612218565b93506104c087013561ffff811681146124fd575f5ffd5b92506104e087013591506125146105008801612258565b90509295509295509295565b600181811c9082168061253457607f821691505b60208210810361255257634e487b7160e01b5f52602260045260245ffd5b50919050565b82815260408101610a61602083018461212a565b634e487b7160e01b5f52601160045260245ffd5b8181038181111561076f5761076f61256c565b5f600182016125a4576125a461256c565b5060010190565b60c081528260c0820152828460e08301375f60e084830101525f60e0601f19601f860116830101905060208201835f5b60058110156125fa5781518352602092830192909101906001016125db565b505050949350505050565b5f60208284031215612615575f5ffd5b8151610a618161234a565b808202811582820484141761076f5761076f61256c565b5f8261265157634e487b7160e01b5f52601260045260245ffd5b500490565b5f81518060208401855e5f93019283525090919050565b5f61201b61267b8386612656565b84612656565b610480810160408383376080604084016040840137608060c0840160c0840137608061014084016101408401376101c08084016101c0840137608061038084016103808401376080610400840161040084013792915050565b8082018082111561076f5761076f61256c565b6001600160a01b03858116825284166020820152604081018390526080606082018190525f9061271f90830184612063565b9695505050505050565b5f60208284031215612739575f5ffd5b8151610a618161203056fe610500604052348015610010575f5ffd5b5060405161150738038061150783398101604081905261002f9161066a565b805180516100449160015b6020020151610371565b61007e576040516302312fc960e51b8152602060048201526005602482015264616c70686160d81b60448201526064015b60405180910390fd5b5f5b600e81101561010b576100c7826080015182600e81106100a2576100a2610716565b602002015160808401516100b784600161073e565b600e811061003a5761003a610716565b6100f9576040516302312fc960e51b8152602060048201526002602482015261696360f01b6044820152606401610075565b61010460028261073e565b9050610080565b5061013c8160200151604051806040016040528060048152602001636265746160e01b8152506103d360201b60201c565b6040808201518151808301909252600582526467616d6d6160d81b6020830152610165916103d3565b61019681606001516040518060400160405280600581526020016464656c746160d81b8152506103d360201b60201c565b6101cb8160a0015160405180604001604052806009815260200168706564657273656e4760b81b8152506103d360201b60201c565b6102088160c0015160405180604001604052806011815260200170706564657273656e475369676d614e656760781b8152506103d360201b60201c565b8051516080908152815160209081015160a090815281840180515160c0908152815184015160e090815282516040908101516101009081529351606090810151610120908152828a0180515161014090815281518a0151610160908152825186015161018090815292518501516101a0908152858e018051516101c05280518d01516101e05280518801516102005251860151610220528c8e018051516102405280518d01516102605280518801516102805280518701516102a0528051909d01516102c0528c518b01516102e0528c51890151610300528c5190970151610320528b5190980151610340528a519092015161036052895190910151610380528851909501516103a0528751909401516103c052955101516103e0529185018051516104005280518401516104205280518501516104405251810151610460529301805151610480528051909101516104a0528051909101516104c0525101516104e052610799565b5f5f5160206114e75f395f51905f528310158061039b57505f5160206114e75f395f51905f528210155b156103a757505f6103cd565b6040518381528260208201525f60408201525f606082015260408160808360065afa9150505b92915050565b81515f905f5160206114e75f395f51905f52118015610402575060208301515f5160206114e75f395f51905f52115b801561041e575060408301515f5160206114e75f395f51905f52115b801561043a575060608301515f5160206114e75f395f51905f52115b90505f81156104f057604080516101808101825260018152600260208083019190915286518284015286015160608201529085015160808201525f9060a08101866003602002015181526020016001815260200160025f5160206114e75f395f51905f526104a89190610751565b815286516020808301919091528701516040808301919091528701516060820152608001866003602002015181525090506040516020816101808460085afa93508051925050505b8115806104fe575080600114155b1561051e57826040516302312fc960e51b81526004016100759190610764565b50505050565b634e487b7160e01b5f52604160045260245ffd5b60405160e081016001600160401b038111828210171561055a5761055a610524565b60405290565b604051601f8201601f191681016001600160401b038111828210171561058857610588610524565b604052919050565b5f61059b6040610560565b90508060408301848111156105ae575f5ffd5b835b818110156105c85780518352602092830192016105b0565b50505092915050565b5f82601f8301126105e0575f5ffd5b5f6105eb6080610560565b90508060808401858111156105fe575f5ffd5b845b81811015610618578051835260209283019201610600565b509195945050505050565b5f82601f830112610632575f5ffd5b5f6101c061063f81610560565b915083018185821115610650575f5ffd5b845b82811015610618578051825260209182019101610652565b5f61048082840312801561067c575f5ffd5b50610685610538565b83601f840112610693575f5ffd5b61069d8484610590565b81526106ac84604085016105d1565b60208201526106be8460c085016105d1565b60408201526106d18461014085016105d1565b60608201526106e4846101c08501610623565b60808201526106f78461038085016105d1565b60a082015261070a8461040085016105d1565b60c08201529392505050565b634e487b7160e01b5f52603260045260245ffd5b634e487b7160e01b5f52601160045260245ffd5b808201808211156103cd576103cd61072a565b818103818111156103cd576103cd61072a565b602081525f82518060208401528060208501604085015e5f604082850101526040601f19601f83011684010191505092915050565b60805160a05160c05160e05161010051610120516101405161016051610180516101a0516101c0516101e05161020051610220516102405161026051610280516102a0516102c0516102e05161030051610320516103405161036051610380516103a0516103c0516103e05161040051610420516104405161046051610480516104a0516104c0516104e051610bdb61090c5f395f61087a01525f61085301525f61082c01525f61080501525f61092801525f61090101525f6108da01525f6108b301525f6103ff01525f6103de01525f6103a701525f61038601525f61034f01525f61032e01525f6102f701525f6102d601525f61029f01525f61027e01525f61024201525f61022101525f6101f301525f6101d001525f6107cc01525f6107a501525f61077e01525f61075701525f61071d01525f6106f601525f6106cf01525f6106a801525f61066f01525f61064801525f61062101525f6105fa01525f6105d001525f6105a60152610bdb5ff3fe608060405234801561000f575f5ffd5b506004361061003f575f3560e01c80631104faf4146100435780632be688d41461005f5780638ebdf93514610082575b5f5ffd5b61004c61018081565b6040519081526020015b60405180910390f35b61007261006d366004610a16565b61008a565b6040519015158152602001610056565b61004c600581565b5f610180831461009b57505f610979565b5f6100a884860186610ab0565b90505f5b600c811015610104577f30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd478282600c81106100e8576100e8610b2d565b6020020151106100fc575f92505050610979565b6001016100ac565b505f5b600581101561015f577f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f000000184826005811061014357610143610b2d565b602002013510610157575f92505050610979565b600101610107565b506101008101516101208201516040805160208101939093528201525f907f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f000000190606001604051602081830303815290604052805190602001205f1c6101c49190610b41565b604080518082019091527f000000000000000000000000000000000000000000000000000000000000000081527f000000000000000000000000000000000000000000000000000000000000000060208201529091505f61026e827f00000000000000000000000000000000000000000000000000000000000000007f000000000000000000000000000000000000000000000000000000000000000089855b6020020135610980565b90508080156102c657506102c6827f00000000000000000000000000000000000000000000000000000000000000007f0000000000000000000000000000000000000000000000000000000000000000896001610264565b905080801561031e575061031e827f00000000000000000000000000000000000000000000000000000000000000007f0000000000000000000000000000000000000000000000000000000000000000896002610264565b90508080156103765750610376827f00000000000000000000000000000000000000000000000000000000000000007f0000000000000000000000000000000000000000000000000000000000000000896003610264565b90508080156103ce57506103ce827f00000000000000000000000000000000000000000000000000000000000000007f0000000000000000000000000000000000000000000000000000000000000000896004610264565b90508080156104245750610424827f00000000000000000000000000000000000000000000000000000000000000007f000000000000000000000000000000000000000000000000000000000000000086610980565b905080158061044757506101008401516101208501516104459184916109c6565b155b15610458575f945050505050610979565b5f7f30644e72e131a029b85045b68181585d2833e84879b9709143e1f593f0000001858860405160200161048d929190610b60565b604051602081830303815290604052805190602001205f1c6104af9190610b41565b9050805f036104bc575060015b6040805180820182525f80825260208083018290528351808501909452818452830152906104fb8288600860200201518960095b602002015186610980565b158061051857506105168188600a602002015189600b6104f0565b155b1561052c575f975050505050505050610979565b6105346109f7565b8751815260208801517f30644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47906105699082610bb6565b6105739190610b41565b602082810191909152604089810151818401526060808b0151908401526080808b01519084015260a0808b0151908401527f000000000000000000000000000000000000000000000000000000000000000060c0808501919091527f000000000000000000000000000000000000000000000000000000000000000060e0808601919091527f00000000000000000000000000000000000000000000000000000000000000006101008601527f00000000000000000000000000000000000000000000000000000000000000006101208601527f00000000000000000000000000000000000000000000000000000000000000006101408601527f00000000000000000000000000000000000000000000000000000000000000006101608601528951610180860152898401516101a08601527f00000000000000000000000000000000000000000000000000000000000000006101c08601527f00000000000000000000000000000000000000000000000000000000000000006101e08601527f00000000000000000000000000000000000000000000000000000000000000006102008601527f0000000000000000000000000000000000000000000000000000000000000000610220860152908b01516102408501528a01516102608401527f00000000000000000000000000000000000000000000000000000000000000006102808401527f00000000000000000000000000000000000000000000000000000000000000006102a08401527f00000000000000000000000000000000000000000000000000000000000000006102c08401527f00000000000000000000000000000000000000000000000000000000000000006102e08401528451610300840152848201516103208401527f00000000000000000000000000000000000000000000000000000000000000006103408401527f00000000000000000000000000000000000000000000000000000000000000006103608401527f00000000000000000000000000000000000000000000000000000000000000006103808401527f00000000000000000000000000000000000000000000000000000000000000006103a084015283516103c0840152838201516103e08401527f00000000000000000000000000000000000000000000000000000000000000006104008401527f00000000000000000000000000000000000000000000000000000000000000006104208401527f00000000000000000000000000000000000000000000000000000000000000006104408401527f0000000000000000000000000000000000000000000000000000000000000000610460840152515f91816104808560085afa9650805191505085801561096d5750806001145b99505050505050505050505b9392505050565b5f60405184815283602082015282604082015260408160608360075afa9150855160408201526020860151606082015260408660808360065afa90911695945050505050565b5f604051838152826020820152845160408201526020850151606082015260408560808360065afa95945050505050565b6040518061048001604052806024906020820280368337509192915050565b5f5f5f60c08486031215610a28575f5ffd5b833567ffffffffffffffff811115610a3e575f5ffd5b8401601f81018613610a4e575f5ffd5b803567ffffffffffffffff811115610a64575f5ffd5b866020828401011115610a75575f5ffd5b60208201945080935050508460c085011115610a8f575f5ffd5b6020840190509250925092565b634e487b7160e01b5f52604160045260245ffd5b5f6101808284031215610ac1575f5ffd5b82601f830112610acf575f5ffd5b604051610180810181811067ffffffffffffffff82111715610af357610af3610a9c565b60405280610180840185811115610b08575f5ffd5b845b81811015610b22578035835260209283019201610b0a565b509195945050505050565b634e487b7160e01b5f52603260045260245ffd5b5f82610b5b57634e487b7160e01b5f52601260045260245ffd5b500690565b713d35b6b616b3b937ba34189b16b139b1191960711b81525f60128201845f5b600c811015610b9f578151835260209283019290910190600101610b80565b50505060a083610192840137506102320192915050565b81810381811115610bd557634e487b7160e01b5f52601160045260245ffd5b929150505630644e72e131a029b85045b68181585d97816a916871ca8d3c208c16d87cfd47",
}

// Registry is an auto generated Go binding around an Ethereum contract.
type Registry struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *Registry) GetABI() abi.ABI {
	return c.abi
}

// NewRegistry creates a new instance of Registry.
func NewRegistry() *Registry {
	parsed, err := RegistryMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &Registry{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *Registry) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackMAXCALLBACKGAS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6d9809a0.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_CALLBACK_GAS() view returns(uint32)
func (registry *Registry) PackMAXCALLBACKGAS() []byte {
	enc, err := registry.abi.Pack("MAX_CALLBACK_GAS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXCALLBACKGAS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6d9809a0.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_CALLBACK_GAS() view returns(uint32)
func (registry *Registry) TryPackMAXCALLBACKGAS() ([]byte, error) {
	return registry.abi.Pack("MAX_CALLBACK_GAS")
}

// UnpackMAXCALLBACKGAS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6d9809a0.
//
// Solidity: function MAX_CALLBACK_GAS() view returns(uint32)
func (registry *Registry) UnpackMAXCALLBACKGAS(data []byte) (uint32, error) {
	out, err := registry.abi.Unpack("MAX_CALLBACK_GAS", data)
	if err != nil {
		return *new(uint32), err
	}
	out0 := *abi.ConvertType(out[0], new(uint32)).(*uint32)
	return out0, nil
}

// PackMAXROYALTYBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3dca40e6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_ROYALTY_BPS() view returns(uint16)
func (registry *Registry) PackMAXROYALTYBPS() []byte {
	enc, err := registry.abi.Pack("MAX_ROYALTY_BPS")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXROYALTYBPS is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3dca40e6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_ROYALTY_BPS() view returns(uint16)
func (registry *Registry) TryPackMAXROYALTYBPS() ([]byte, error) {
	return registry.abi.Pack("MAX_ROYALTY_BPS")
}

// UnpackMAXROYALTYBPS is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3dca40e6.
//
// Solidity: function MAX_ROYALTY_BPS() view returns(uint16)
func (registry *Registry) UnpackMAXROYALTYBPS(data []byte) (uint16, error) {
	out, err := registry.abi.Unpack("MAX_ROYALTY_BPS", data)
	if err != nil {
		return *new(uint16), err
	}
	out0 := *abi.ConvertType(out[0], new(uint16)).(*uint16)
	return out0, nil
}

// PackAccountOpen is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x097a5ee3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function accountOpen(address account) view returns(bool)
func (registry *Registry) PackAccountOpen(account common.Address) []byte {
	enc, err := registry.abi.Pack("accountOpen", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAccountOpen is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x097a5ee3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function accountOpen(address account) view returns(bool)
func (registry *Registry) TryPackAccountOpen(account common.Address) ([]byte, error) {
	return registry.abi.Pack("accountOpen", account)
}

// UnpackAccountOpen is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x097a5ee3.
//
// Solidity: function accountOpen(address account) view returns(bool)
func (registry *Registry) UnpackAccountOpen(data []byte) (bool, error) {
	out, err := registry.abi.Unpack("accountOpen", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (registry *Registry) PackApprove(to common.Address, tokenId *big.Int) []byte {
	enc, err := registry.abi.Pack("approve", to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackApprove is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x095ea7b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function approve(address to, uint256 tokenId) returns()
func (registry *Registry) TryPackApprove(to common.Address, tokenId *big.Int) ([]byte, error) {
	return registry.abi.Pack("approve", to, tokenId)
}

// PackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (registry *Registry) PackBalanceOf(owner common.Address) []byte {
	enc, err := registry.abi.Pack("balanceOf", owner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalanceOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x70a08231.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (registry *Registry) TryPackBalanceOf(owner common.Address) ([]byte, error) {
	return registry.abi.Pack("balanceOf", owner)
}

// UnpackBalanceOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x70a08231.
//
// Solidity: function balanceOf(address owner) view returns(uint256)
func (registry *Registry) UnpackBalanceOf(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("balanceOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackBalances is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x27e235e3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function balances(address account) view returns(uint256)
func (registry *Registry) PackBalances(account common.Address) []byte {
	enc, err := registry.abi.Pack("balances", account)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBalances is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x27e235e3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function balances(address account) view returns(uint256)
func (registry *Registry) TryPackBalances(account common.Address) ([]byte, error) {
	return registry.abi.Pack("balances", account)
}

// UnpackBalances is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x27e235e3.
//
// Solidity: function balances(address account) view returns(uint256)
func (registry *Registry) UnpackBalances(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("balances", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackGetApproved is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x081812fc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (registry *Registry) PackGetApproved(tokenId *big.Int) []byte {
	enc, err := registry.abi.Pack("getApproved", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackGetApproved is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x081812fc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (registry *Registry) TryPackGetApproved(tokenId *big.Int) ([]byte, error) {
	return registry.abi.Pack("getApproved", tokenId)
}

// UnpackGetApproved is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x081812fc.
//
// Solidity: function getApproved(uint256 tokenId) view returns(address)
func (registry *Registry) UnpackGetApproved(data []byte) (common.Address, error) {
	out, err := registry.abi.Unpack("getApproved", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackIsApprovedForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe985e9c5.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (registry *Registry) PackIsApprovedForAll(owner common.Address, operator common.Address) []byte {
	enc, err := registry.abi.Pack("isApprovedForAll", owner, operator)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackIsApprovedForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe985e9c5.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (registry *Registry) TryPackIsApprovedForAll(owner common.Address, operator common.Address) ([]byte, error) {
	return registry.abi.Pack("isApprovedForAll", owner, operator)
}

// UnpackIsApprovedForAll is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe985e9c5.
//
// Solidity: function isApprovedForAll(address owner, address operator) view returns(bool)
func (registry *Registry) UnpackIsApprovedForAll(data []byte) (bool, error) {
	out, err := registry.abi.Unpack("isApprovedForAll", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackJobCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4c5d8a0f.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function jobCount() view returns(uint256)
func (registry *Registry) PackJobCount() []byte {
	enc, err := registry.abi.Pack("jobCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackJobCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4c5d8a0f.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function jobCount() view returns(uint256)
func (registry *Registry) TryPackJobCount() ([]byte, error) {
	return registry.abi.Pack("jobCount")
}

// UnpackJobCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4c5d8a0f.
//
// Solidity: function jobCount() view returns(uint256)
func (registry *Registry) UnpackJobCount(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("jobCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackJobs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x180aedf3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function jobs(uint256 ) view returns(address requester, uint96 amount, address prover, uint40 deadline, uint8 status, uint40 model, bool hasConsumer, uint256 input, address consumer, uint32 callbackGas, uint256 output)
func (registry *Registry) PackJobs(arg0 *big.Int) []byte {
	enc, err := registry.abi.Pack("jobs", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackJobs is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x180aedf3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function jobs(uint256 ) view returns(address requester, uint96 amount, address prover, uint40 deadline, uint8 status, uint40 model, bool hasConsumer, uint256 input, address consumer, uint32 callbackGas, uint256 output)
func (registry *Registry) TryPackJobs(arg0 *big.Int) ([]byte, error) {
	return registry.abi.Pack("jobs", arg0)
}

// JobsOutput serves as a container for the return parameters of contract
// method Jobs.
type JobsOutput struct {
	Requester   common.Address
	Amount      *big.Int
	Prover      common.Address
	Deadline    *big.Int
	Status      uint8
	Model       *big.Int
	HasConsumer bool
	Input       *big.Int
	Consumer    common.Address
	CallbackGas uint32
	Output      *big.Int
}

// UnpackJobs is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x180aedf3.
//
// Solidity: function jobs(uint256 ) view returns(address requester, uint96 amount, address prover, uint40 deadline, uint8 status, uint40 model, bool hasConsumer, uint256 input, address consumer, uint32 callbackGas, uint256 output)
func (registry *Registry) UnpackJobs(data []byte) (JobsOutput, error) {
	out, err := registry.abi.Unpack("jobs", data)
	outstruct := new(JobsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Requester = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Amount = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.Prover = *abi.ConvertType(out[2], new(common.Address)).(*common.Address)
	outstruct.Deadline = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.Status = *abi.ConvertType(out[4], new(uint8)).(*uint8)
	outstruct.Model = abi.ConvertType(out[5], new(big.Int)).(*big.Int)
	outstruct.HasConsumer = *abi.ConvertType(out[6], new(bool)).(*bool)
	outstruct.Input = abi.ConvertType(out[7], new(big.Int)).(*big.Int)
	outstruct.Consumer = *abi.ConvertType(out[8], new(common.Address)).(*common.Address)
	outstruct.CallbackGas = *abi.ConvertType(out[9], new(uint32)).(*uint32)
	outstruct.Output = abi.ConvertType(out[10], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackKeySetup is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x71e31706.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function keySetup(uint256 model) view returns(bool ceremony, bytes32 transcript, uint32 contributions)
func (registry *Registry) PackKeySetup(model *big.Int) []byte {
	enc, err := registry.abi.Pack("keySetup", model)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackKeySetup is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x71e31706.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function keySetup(uint256 model) view returns(bool ceremony, bytes32 transcript, uint32 contributions)
func (registry *Registry) TryPackKeySetup(model *big.Int) ([]byte, error) {
	return registry.abi.Pack("keySetup", model)
}

// KeySetupOutput serves as a container for the return parameters of contract
// method KeySetup.
type KeySetupOutput struct {
	Ceremony      bool
	Transcript    [32]byte
	Contributions uint32
}

// UnpackKeySetup is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x71e31706.
//
// Solidity: function keySetup(uint256 model) view returns(bool ceremony, bytes32 transcript, uint32 contributions)
func (registry *Registry) UnpackKeySetup(data []byte) (KeySetupOutput, error) {
	out, err := registry.abi.Unpack("keySetup", data)
	outstruct := new(KeySetupOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Ceremony = *abi.ConvertType(out[0], new(bool)).(*bool)
	outstruct.Transcript = *abi.ConvertType(out[1], new([32]byte)).(*[32]byte)
	outstruct.Contributions = *abi.ConvertType(out[2], new(uint32)).(*uint32)
	return *outstruct, nil
}

// PackModelCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6a645fe.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function modelCount() view returns(uint256)
func (registry *Registry) PackModelCount() []byte {
	enc, err := registry.abi.Pack("modelCount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackModelCount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc6a645fe.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function modelCount() view returns(uint256)
func (registry *Registry) TryPackModelCount() ([]byte, error) {
	return registry.abi.Pack("modelCount")
}

// UnpackModelCount is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc6a645fe.
//
// Solidity: function modelCount() view returns(uint256)
func (registry *Registry) UnpackModelCount(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("modelCount", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackModels is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6a030ca9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function models(uint256 ) view returns(address owner, uint96 price, address verifier, uint16 royaltyBps, uint32 setupContributions, bool retired, uint256 commitment, bytes32 setupTranscript, bytes32 vkHash)
func (registry *Registry) PackModels(arg0 *big.Int) []byte {
	enc, err := registry.abi.Pack("models", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackModels is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6a030ca9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function models(uint256 ) view returns(address owner, uint96 price, address verifier, uint16 royaltyBps, uint32 setupContributions, bool retired, uint256 commitment, bytes32 setupTranscript, bytes32 vkHash)
func (registry *Registry) TryPackModels(arg0 *big.Int) ([]byte, error) {
	return registry.abi.Pack("models", arg0)
}

// ModelsOutput serves as a container for the return parameters of contract
// method Models.
type ModelsOutput struct {
	Owner              common.Address
	Price              *big.Int
	Verifier           common.Address
	RoyaltyBps         uint16
	SetupContributions uint32
	Retired            bool
	Commitment         *big.Int
	SetupTranscript    [32]byte
	VkHash             [32]byte
}

// UnpackModels is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6a030ca9.
//
// Solidity: function models(uint256 ) view returns(address owner, uint96 price, address verifier, uint16 royaltyBps, uint32 setupContributions, bool retired, uint256 commitment, bytes32 setupTranscript, bytes32 vkHash)
func (registry *Registry) UnpackModels(data []byte) (ModelsOutput, error) {
	out, err := registry.abi.Unpack("models", data)
	outstruct := new(ModelsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Owner = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Price = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.Verifier = *abi.ConvertType(out[2], new(common.Address)).(*common.Address)
	outstruct.RoyaltyBps = *abi.ConvertType(out[3], new(uint16)).(*uint16)
	outstruct.SetupContributions = *abi.ConvertType(out[4], new(uint32)).(*uint32)
	outstruct.Retired = *abi.ConvertType(out[5], new(bool)).(*bool)
	outstruct.Commitment = abi.ConvertType(out[6], new(big.Int)).(*big.Int)
	outstruct.SetupTranscript = *abi.ConvertType(out[7], new([32]byte)).(*[32]byte)
	outstruct.VkHash = *abi.ConvertType(out[8], new([32]byte)).(*[32]byte)
	return *outstruct, nil
}

// PackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function name() view returns(string)
func (registry *Registry) PackName() []byte {
	enc, err := registry.abi.Pack("name")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackName is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x06fdde03.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function name() view returns(string)
func (registry *Registry) TryPackName() ([]byte, error) {
	return registry.abi.Pack("name")
}

// UnpackName is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x06fdde03.
//
// Solidity: function name() view returns(string)
func (registry *Registry) UnpackName(data []byte) (string, error) {
	out, err := registry.abi.Unpack("name", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackOpenAccount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x292eb75d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function openAccount() returns()
func (registry *Registry) PackOpenAccount() []byte {
	enc, err := registry.abi.Pack("openAccount")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOpenAccount is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x292eb75d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function openAccount() returns()
func (registry *Registry) TryPackOpenAccount() ([]byte, error) {
	return registry.abi.Pack("openAccount")
}

// PackOwnerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6352211e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (registry *Registry) PackOwnerOf(tokenId *big.Int) []byte {
	enc, err := registry.abi.Pack("ownerOf", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwnerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6352211e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (registry *Registry) TryPackOwnerOf(tokenId *big.Int) ([]byte, error) {
	return registry.abi.Pack("ownerOf", tokenId)
}

// UnpackOwnerOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6352211e.
//
// Solidity: function ownerOf(uint256 tokenId) view returns(address)
func (registry *Registry) UnpackOwnerOf(data []byte) (common.Address, error) {
	out, err := registry.abi.Unpack("ownerOf", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRefund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x278ecde1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function refund(uint256 job) returns()
func (registry *Registry) PackRefund(job *big.Int) []byte {
	enc, err := registry.abi.Pack("refund", job)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRefund is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x278ecde1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function refund(uint256 job) returns()
func (registry *Registry) TryPackRefund(job *big.Int) ([]byte, error) {
	return registry.abi.Pack("refund", job)
}

// PackRegisterModel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf664524e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function registerModel(uint256 commitment, (uint256[2],uint256[4],uint256[4],uint256[4],uint256[14],uint256[4],uint256[4]) vk, uint96 price, uint16 royaltyBps, bytes32 setupTranscript, uint32 setupContributions) returns(uint256 id)
func (registry *Registry) PackRegisterModel(commitment *big.Int, vk VerifierVerifyingKey, price *big.Int, royaltyBps uint16, setupTranscript [32]byte, setupContributions uint32) []byte {
	enc, err := registry.abi.Pack("registerModel", commitment, vk, price, royaltyBps, setupTranscript, setupContributions)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRegisterModel is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf664524e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function registerModel(uint256 commitment, (uint256[2],uint256[4],uint256[4],uint256[4],uint256[14],uint256[4],uint256[4]) vk, uint96 price, uint16 royaltyBps, bytes32 setupTranscript, uint32 setupContributions) returns(uint256 id)
func (registry *Registry) TryPackRegisterModel(commitment *big.Int, vk VerifierVerifyingKey, price *big.Int, royaltyBps uint16, setupTranscript [32]byte, setupContributions uint32) ([]byte, error) {
	return registry.abi.Pack("registerModel", commitment, vk, price, royaltyBps, setupTranscript, setupContributions)
}

// UnpackRegisterModel is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf664524e.
//
// Solidity: function registerModel(uint256 commitment, (uint256[2],uint256[4],uint256[4],uint256[4],uint256[14],uint256[4],uint256[4]) vk, uint96 price, uint16 royaltyBps, bytes32 setupTranscript, uint32 setupContributions) returns(uint256 id)
func (registry *Registry) UnpackRegisterModel(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("registerModel", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRequestJob is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7cd401c7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function requestJob(uint256 model, uint256 input, uint64 deadline, address consumer, uint32 callbackGas) payable returns(uint256 id)
func (registry *Registry) PackRequestJob(model *big.Int, input *big.Int, deadline uint64, consumer common.Address, callbackGas uint32) []byte {
	enc, err := registry.abi.Pack("requestJob", model, input, deadline, consumer, callbackGas)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRequestJob is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7cd401c7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function requestJob(uint256 model, uint256 input, uint64 deadline, address consumer, uint32 callbackGas) payable returns(uint256 id)
func (registry *Registry) TryPackRequestJob(model *big.Int, input *big.Int, deadline uint64, consumer common.Address, callbackGas uint32) ([]byte, error) {
	return registry.abi.Pack("requestJob", model, input, deadline, consumer, callbackGas)
}

// UnpackRequestJob is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7cd401c7.
//
// Solidity: function requestJob(uint256 model, uint256 input, uint64 deadline, address consumer, uint32 callbackGas) payable returns(uint256 id)
func (registry *Registry) UnpackRequestJob(data []byte) (*big.Int, error) {
	out, err := registry.abi.Unpack("requestJob", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackRetire is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3790cf57.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function retire(uint256 model) returns()
func (registry *Registry) PackRetire(model *big.Int) []byte {
	enc, err := registry.abi.Pack("retire", model)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRetire is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3790cf57.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function retire(uint256 model) returns()
func (registry *Registry) TryPackRetire(model *big.Int) ([]byte, error) {
	return registry.abi.Pack("retire", model)
}

// PackSafeTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42842e0e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (registry *Registry) PackSafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) []byte {
	enc, err := registry.abi.Pack("safeTransferFrom", from, to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSafeTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x42842e0e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId) returns()
func (registry *Registry) TryPackSafeTransferFrom(from common.Address, to common.Address, tokenId *big.Int) ([]byte, error) {
	return registry.abi.Pack("safeTransferFrom", from, to, tokenId)
}

// PackSafeTransferFrom0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb88d4fde.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (registry *Registry) PackSafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) []byte {
	enc, err := registry.abi.Pack("safeTransferFrom0", from, to, tokenId, data)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSafeTransferFrom0 is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb88d4fde.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function safeTransferFrom(address from, address to, uint256 tokenId, bytes data) returns()
func (registry *Registry) TryPackSafeTransferFrom0(from common.Address, to common.Address, tokenId *big.Int, data []byte) ([]byte, error) {
	return registry.abi.Pack("safeTransferFrom0", from, to, tokenId, data)
}

// PackSetApprovalForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa22cb465.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (registry *Registry) PackSetApprovalForAll(operator common.Address, approved bool) []byte {
	enc, err := registry.abi.Pack("setApprovalForAll", operator, approved)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetApprovalForAll is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa22cb465.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setApprovalForAll(address operator, bool approved) returns()
func (registry *Registry) TryPackSetApprovalForAll(operator common.Address, approved bool) ([]byte, error) {
	return registry.abi.Pack("setApprovalForAll", operator, approved)
}

// PackSetPrice is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3d8886f1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setPrice(uint256 model, uint96 price) returns()
func (registry *Registry) PackSetPrice(model *big.Int, price *big.Int) []byte {
	enc, err := registry.abi.Pack("setPrice", model, price)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetPrice is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3d8886f1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setPrice(uint256 model, uint96 price) returns()
func (registry *Registry) TryPackSetPrice(model *big.Int, price *big.Int) ([]byte, error) {
	return registry.abi.Pack("setPrice", model, price)
}

// PackSubmitProof is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa11c01a8.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submitProof(uint256 job, bytes proof, uint256 output) returns()
func (registry *Registry) PackSubmitProof(job *big.Int, proof []byte, output *big.Int) []byte {
	enc, err := registry.abi.Pack("submitProof", job, proof, output)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmitProof is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa11c01a8.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submitProof(uint256 job, bytes proof, uint256 output) returns()
func (registry *Registry) TryPackSubmitProof(job *big.Int, proof []byte, output *big.Int) ([]byte, error) {
	return registry.abi.Pack("submitProof", job, proof, output)
}

// PackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (registry *Registry) PackSupportsInterface(interfaceId [4]byte) []byte {
	enc, err := registry.abi.Pack("supportsInterface", interfaceId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSupportsInterface is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x01ffc9a7.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (registry *Registry) TryPackSupportsInterface(interfaceId [4]byte) ([]byte, error) {
	return registry.abi.Pack("supportsInterface", interfaceId)
}

// UnpackSupportsInterface is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x01ffc9a7.
//
// Solidity: function supportsInterface(bytes4 interfaceId) view returns(bool)
func (registry *Registry) UnpackSupportsInterface(data []byte) (bool, error) {
	out, err := registry.abi.Unpack("supportsInterface", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function symbol() view returns(string)
func (registry *Registry) PackSymbol() []byte {
	enc, err := registry.abi.Pack("symbol")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSymbol is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x95d89b41.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function symbol() view returns(string)
func (registry *Registry) TryPackSymbol() ([]byte, error) {
	return registry.abi.Pack("symbol")
}

// UnpackSymbol is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x95d89b41.
//
// Solidity: function symbol() view returns(string)
func (registry *Registry) UnpackSymbol(data []byte) (string, error) {
	out, err := registry.abi.Unpack("symbol", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTokenURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc87b56dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (registry *Registry) PackTokenURI(tokenId *big.Int) []byte {
	enc, err := registry.abi.Pack("tokenURI", tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTokenURI is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc87b56dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (registry *Registry) TryPackTokenURI(tokenId *big.Int) ([]byte, error) {
	return registry.abi.Pack("tokenURI", tokenId)
}

// UnpackTokenURI is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc87b56dd.
//
// Solidity: function tokenURI(uint256 tokenId) view returns(string)
func (registry *Registry) UnpackTokenURI(data []byte) (string, error) {
	out, err := registry.abi.Unpack("tokenURI", data)
	if err != nil {
		return *new(string), err
	}
	out0 := *abi.ConvertType(out[0], new(string)).(*string)
	return out0, nil
}

// PackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (registry *Registry) PackTransferFrom(from common.Address, to common.Address, tokenId *big.Int) []byte {
	enc, err := registry.abi.Pack("transferFrom", from, to, tokenId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferFrom is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x23b872dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferFrom(address from, address to, uint256 tokenId) returns()
func (registry *Registry) TryPackTransferFrom(from common.Address, to common.Address, tokenId *big.Int) ([]byte, error) {
	return registry.abi.Pack("transferFrom", from, to, tokenId)
}

// PackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdraw() returns()
func (registry *Registry) PackWithdraw() []byte {
	enc, err := registry.abi.Pack("withdraw")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3ccfd60b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdraw() returns()
func (registry *Registry) TryPackWithdraw() ([]byte, error) {
	return registry.abi.Pack("withdraw")
}

// RegistryApproval represents a Approval event raised by the Registry contract.
type RegistryApproval struct {
	Owner    common.Address
	Approved common.Address
	TokenId  *big.Int
	Raw      *types.Log // Blockchain specific contextual infos
}

const RegistryApprovalEventName = "Approval"

// ContractEventName returns the user-defined event name.
func (RegistryApproval) ContractEventName() string {
	return RegistryApprovalEventName
}

// UnpackApprovalEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Approval(address indexed owner, address indexed approved, uint256 indexed tokenId)
func (registry *Registry) UnpackApprovalEvent(log *types.Log) (*RegistryApproval, error) {
	event := "Approval"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryApproval)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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

// RegistryApprovalForAll represents a ApprovalForAll event raised by the Registry contract.
type RegistryApprovalForAll struct {
	Owner    common.Address
	Operator common.Address
	Approved bool
	Raw      *types.Log // Blockchain specific contextual infos
}

const RegistryApprovalForAllEventName = "ApprovalForAll"

// ContractEventName returns the user-defined event name.
func (RegistryApprovalForAll) ContractEventName() string {
	return RegistryApprovalForAllEventName
}

// UnpackApprovalForAllEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ApprovalForAll(address indexed owner, address indexed operator, bool approved)
func (registry *Registry) UnpackApprovalForAllEvent(log *types.Log) (*RegistryApprovalForAll, error) {
	event := "ApprovalForAll"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryApprovalForAll)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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

// RegistryConsumerCalled represents a ConsumerCalled event raised by the Registry contract.
type RegistryConsumerCalled struct {
	Job      *big.Int
	Consumer common.Address
	Ok       bool
	Raw      *types.Log // Blockchain specific contextual infos
}

const RegistryConsumerCalledEventName = "ConsumerCalled"

// ContractEventName returns the user-defined event name.
func (RegistryConsumerCalled) ContractEventName() string {
	return RegistryConsumerCalledEventName
}

// UnpackConsumerCalledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ConsumerCalled(uint256 indexed job, address indexed consumer, bool ok)
func (registry *Registry) UnpackConsumerCalledEvent(log *types.Log) (*RegistryConsumerCalled, error) {
	event := "ConsumerCalled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryConsumerCalled)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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

// RegistryJobPaid represents a JobPaid event raised by the Registry contract.
type RegistryJobPaid struct {
	Job          *big.Int
	Prover       common.Address
	Output       *big.Int
	ProverAmount *big.Int
	Royalty      *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const RegistryJobPaidEventName = "JobPaid"

// ContractEventName returns the user-defined event name.
func (RegistryJobPaid) ContractEventName() string {
	return RegistryJobPaidEventName
}

// UnpackJobPaidEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobPaid(uint256 indexed job, address indexed prover, uint256 output, uint256 proverAmount, uint256 royalty)
func (registry *Registry) UnpackJobPaidEvent(log *types.Log) (*RegistryJobPaid, error) {
	event := "JobPaid"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryJobPaid)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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

// RegistryJobRefunded represents a JobRefunded event raised by the Registry contract.
type RegistryJobRefunded struct {
	Job       *big.Int
	Requester common.Address
	Amount    *big.Int
	Raw       *types.Log // Blockchain specific contextual infos
}

const RegistryJobRefundedEventName = "JobRefunded"

// ContractEventName returns the user-defined event name.
func (RegistryJobRefunded) ContractEventName() string {
	return RegistryJobRefundedEventName
}

// UnpackJobRefundedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobRefunded(uint256 indexed job, address indexed requester, uint256 amount)
func (registry *Registry) UnpackJobRefundedEvent(log *types.Log) (*RegistryJobRefunded, error) {
	event := "JobRefunded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryJobRefunded)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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

// RegistryJobRequested represents a JobRequested event raised by the Registry contract.
type RegistryJobRequested struct {
	Job         *big.Int
	Model       *big.Int
	Requester   common.Address
	Input       *big.Int
	Amount      *big.Int
	Deadline    uint64
	Consumer    common.Address
	CallbackGas uint32
	Raw         *types.Log // Blockchain specific contextual infos
}

const RegistryJobRequestedEventName = "JobRequested"

// ContractEventName returns the user-defined event name.
func (RegistryJobRequested) ContractEventName() string {
	return RegistryJobRequestedEventName
}

// UnpackJobRequestedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event JobRequested(uint256 indexed job, uint256 indexed model, address indexed requester, uint256 input, uint256 amount, uint64 deadline, address consumer, uint32 callbackGas)
func (registry *Registry) UnpackJobRequestedEvent(log *types.Log) (*RegistryJobRequested, error) {
	event := "JobRequested"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryJobRequested)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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

// RegistryModelRegistered represents a ModelRegistered event raised by the Registry contract.
type RegistryModelRegistered struct {
	Model              *big.Int
	Owner              common.Address
	Verifier           common.Address
	Commitment         *big.Int
	Price              *big.Int
	RoyaltyBps         uint16
	SetupTranscript    [32]byte
	SetupContributions uint32
	VkHash             [32]byte
	Raw                *types.Log // Blockchain specific contextual infos
}

const RegistryModelRegisteredEventName = "ModelRegistered"

// ContractEventName returns the user-defined event name.
func (RegistryModelRegistered) ContractEventName() string {
	return RegistryModelRegisteredEventName
}

// UnpackModelRegisteredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ModelRegistered(uint256 indexed model, address indexed owner, address verifier, uint256 commitment, uint256 price, uint16 royaltyBps, bytes32 setupTranscript, uint32 setupContributions, bytes32 vkHash)
func (registry *Registry) UnpackModelRegisteredEvent(log *types.Log) (*RegistryModelRegistered, error) {
	event := "ModelRegistered"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryModelRegistered)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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

// RegistryModelRetired represents a ModelRetired event raised by the Registry contract.
type RegistryModelRetired struct {
	Model *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const RegistryModelRetiredEventName = "ModelRetired"

// ContractEventName returns the user-defined event name.
func (RegistryModelRetired) ContractEventName() string {
	return RegistryModelRetiredEventName
}

// UnpackModelRetiredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ModelRetired(uint256 indexed model)
func (registry *Registry) UnpackModelRetiredEvent(log *types.Log) (*RegistryModelRetired, error) {
	event := "ModelRetired"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryModelRetired)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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

// RegistryPriceChanged represents a PriceChanged event raised by the Registry contract.
type RegistryPriceChanged struct {
	Model *big.Int
	Price *big.Int
	Raw   *types.Log // Blockchain specific contextual infos
}

const RegistryPriceChangedEventName = "PriceChanged"

// ContractEventName returns the user-defined event name.
func (RegistryPriceChanged) ContractEventName() string {
	return RegistryPriceChangedEventName
}

// UnpackPriceChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PriceChanged(uint256 indexed model, uint256 price)
func (registry *Registry) UnpackPriceChangedEvent(log *types.Log) (*RegistryPriceChanged, error) {
	event := "PriceChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryPriceChanged)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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

// RegistryTransfer represents a Transfer event raised by the Registry contract.
type RegistryTransfer struct {
	From    common.Address
	To      common.Address
	TokenId *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const RegistryTransferEventName = "Transfer"

// ContractEventName returns the user-defined event name.
func (RegistryTransfer) ContractEventName() string {
	return RegistryTransferEventName
}

// UnpackTransferEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Transfer(address indexed from, address indexed to, uint256 indexed tokenId)
func (registry *Registry) UnpackTransferEvent(log *types.Log) (*RegistryTransfer, error) {
	event := "Transfer"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryTransfer)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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

// RegistryWithdrawn represents a Withdrawn event raised by the Registry contract.
type RegistryWithdrawn struct {
	Account common.Address
	Amount  *big.Int
	Raw     *types.Log // Blockchain specific contextual infos
}

const RegistryWithdrawnEventName = "Withdrawn"

// ContractEventName returns the user-defined event name.
func (RegistryWithdrawn) ContractEventName() string {
	return RegistryWithdrawnEventName
}

// UnpackWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Withdrawn(address indexed account, uint256 amount)
func (registry *Registry) UnpackWithdrawnEvent(log *types.Log) (*RegistryWithdrawn, error) {
	event := "Withdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != registry.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(RegistryWithdrawn)
	if len(log.Data) > 0 {
		if err := registry.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range registry.abi.Events[event].Inputs {
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
func (registry *Registry) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], registry.abi.Errors["BadCallbackGas"].ID.Bytes()[:4]) {
		return registry.UnpackBadCallbackGasError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["BadSetup"].ID.Bytes()[:4]) {
		return registry.UnpackBadSetupError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["ConsumerHasNoCode"].ID.Bytes()[:4]) {
		return registry.UnpackConsumerHasNoCodeError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["DeadlineNotPassed"].ID.Bytes()[:4]) {
		return registry.UnpackDeadlineNotPassedError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["DeadlinePassed"].ID.Bytes()[:4]) {
		return registry.UnpackDeadlinePassedError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["DeadlineTooFar"].ID.Bytes()[:4]) {
		return registry.UnpackDeadlineTooFarError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["ERC721IncorrectOwner"].ID.Bytes()[:4]) {
		return registry.UnpackERC721IncorrectOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["ERC721InsufficientApproval"].ID.Bytes()[:4]) {
		return registry.UnpackERC721InsufficientApprovalError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["ERC721InvalidApprover"].ID.Bytes()[:4]) {
		return registry.UnpackERC721InvalidApproverError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["ERC721InvalidOperator"].ID.Bytes()[:4]) {
		return registry.UnpackERC721InvalidOperatorError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["ERC721InvalidOwner"].ID.Bytes()[:4]) {
		return registry.UnpackERC721InvalidOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["ERC721InvalidReceiver"].ID.Bytes()[:4]) {
		return registry.UnpackERC721InvalidReceiverError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["ERC721InvalidSender"].ID.Bytes()[:4]) {
		return registry.UnpackERC721InvalidSenderError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["ERC721NonexistentToken"].ID.Bytes()[:4]) {
		return registry.UnpackERC721NonexistentTokenError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["GasTooLowForCallback"].ID.Bytes()[:4]) {
		return registry.UnpackGasTooLowForCallbackError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["JobNotOpen"].ID.Bytes()[:4]) {
		return registry.UnpackJobNotOpenError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["ModelIsRetired"].ID.Bytes()[:4]) {
		return registry.UnpackModelIsRetiredError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["NotInField"].ID.Bytes()[:4]) {
		return registry.UnpackNotInFieldError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["NotModelHolder"].ID.Bytes()[:4]) {
		return registry.UnpackNotModelHolderError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["NothingToWithdraw"].ID.Bytes()[:4]) {
		return registry.UnpackNothingToWithdrawError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["ProofRejected"].ID.Bytes()[:4]) {
		return registry.UnpackProofRejectedError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["Reentrancy"].ID.Bytes()[:4]) {
		return registry.UnpackReentrancyError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["RoyaltyTooHigh"].ID.Bytes()[:4]) {
		return registry.UnpackRoyaltyTooHighError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["TransferFailed"].ID.Bytes()[:4]) {
		return registry.UnpackTransferFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["UnknownJob"].ID.Bytes()[:4]) {
		return registry.UnpackUnknownJobError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["UnknownModel"].ID.Bytes()[:4]) {
		return registry.UnpackUnknownModelError(raw[4:])
	}
	if bytes.Equal(raw[:4], registry.abi.Errors["WrongPayment"].ID.Bytes()[:4]) {
		return registry.UnpackWrongPaymentError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// RegistryBadCallbackGas represents a BadCallbackGas error raised by the Registry contract.
type RegistryBadCallbackGas struct {
	Consumer    common.Address
	CallbackGas uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadCallbackGas(address consumer, uint32 callbackGas)
func RegistryBadCallbackGasErrorID() common.Hash {
	return common.HexToHash("0xf425e5ffb6d0581c7651dd8f36df2c3f321c09d75431455b5e7a1bfe4283cc2d")
}

// UnpackBadCallbackGasError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadCallbackGas(address consumer, uint32 callbackGas)
func (registry *Registry) UnpackBadCallbackGasError(raw []byte) (*RegistryBadCallbackGas, error) {
	out := new(RegistryBadCallbackGas)
	if err := registry.abi.UnpackIntoInterface(out, "BadCallbackGas", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryBadSetup represents a BadSetup error raised by the Registry contract.
type RegistryBadSetup struct {
	Transcript    [32]byte
	Contributions uint32
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BadSetup(bytes32 transcript, uint32 contributions)
func RegistryBadSetupErrorID() common.Hash {
	return common.HexToHash("0xf0c739a9957d0da6031b71d45232a76106262902cf4df25fcba92810ad4c2b34")
}

// UnpackBadSetupError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BadSetup(bytes32 transcript, uint32 contributions)
func (registry *Registry) UnpackBadSetupError(raw []byte) (*RegistryBadSetup, error) {
	out := new(RegistryBadSetup)
	if err := registry.abi.UnpackIntoInterface(out, "BadSetup", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryConsumerHasNoCode represents a ConsumerHasNoCode error raised by the Registry contract.
type RegistryConsumerHasNoCode struct {
	Consumer common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ConsumerHasNoCode(address consumer)
func RegistryConsumerHasNoCodeErrorID() common.Hash {
	return common.HexToHash("0xf4ad573d582ad3ce4028ac18b9dcaf0235b130a015cd517ed3dcc32ec5c09122")
}

// UnpackConsumerHasNoCodeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ConsumerHasNoCode(address consumer)
func (registry *Registry) UnpackConsumerHasNoCodeError(raw []byte) (*RegistryConsumerHasNoCode, error) {
	out := new(RegistryConsumerHasNoCode)
	if err := registry.abi.UnpackIntoInterface(out, "ConsumerHasNoCode", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryDeadlineNotPassed represents a DeadlineNotPassed error raised by the Registry contract.
type RegistryDeadlineNotPassed struct {
	Deadline *big.Int
	Now      *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DeadlineNotPassed(uint256 deadline, uint256 now_)
func RegistryDeadlineNotPassedErrorID() common.Hash {
	return common.HexToHash("0x408b57fbc2a48a89bf372945ae8105ee2ff4083ea29fb8b6b2fda2809c546866")
}

// UnpackDeadlineNotPassedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DeadlineNotPassed(uint256 deadline, uint256 now_)
func (registry *Registry) UnpackDeadlineNotPassedError(raw []byte) (*RegistryDeadlineNotPassed, error) {
	out := new(RegistryDeadlineNotPassed)
	if err := registry.abi.UnpackIntoInterface(out, "DeadlineNotPassed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryDeadlinePassed represents a DeadlinePassed error raised by the Registry contract.
type RegistryDeadlinePassed struct {
	Deadline *big.Int
	Now      *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DeadlinePassed(uint256 deadline, uint256 now_)
func RegistryDeadlinePassedErrorID() common.Hash {
	return common.HexToHash("0x83f2ba20b77c67656c85ef54103e25e4c03a482a8919c6010a4781ea13974bb7")
}

// UnpackDeadlinePassedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DeadlinePassed(uint256 deadline, uint256 now_)
func (registry *Registry) UnpackDeadlinePassedError(raw []byte) (*RegistryDeadlinePassed, error) {
	out := new(RegistryDeadlinePassed)
	if err := registry.abi.UnpackIntoInterface(out, "DeadlinePassed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryDeadlineTooFar represents a DeadlineTooFar error raised by the Registry contract.
type RegistryDeadlineTooFar struct {
	Deadline uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error DeadlineTooFar(uint64 deadline)
func RegistryDeadlineTooFarErrorID() common.Hash {
	return common.HexToHash("0xf1290398815d59f81c42288536965c56ba650059304adb610f6a448bd45a0807")
}

// UnpackDeadlineTooFarError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error DeadlineTooFar(uint64 deadline)
func (registry *Registry) UnpackDeadlineTooFarError(raw []byte) (*RegistryDeadlineTooFar, error) {
	out := new(RegistryDeadlineTooFar)
	if err := registry.abi.UnpackIntoInterface(out, "DeadlineTooFar", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryERC721IncorrectOwner represents a ERC721IncorrectOwner error raised by the Registry contract.
type RegistryERC721IncorrectOwner struct {
	Sender  common.Address
	TokenId *big.Int
	Owner   common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)
func RegistryERC721IncorrectOwnerErrorID() common.Hash {
	return common.HexToHash("0x64283d7b313c8117c125f736876fa2b4e90ea3831a4716dfdb87d2f540e26289")
}

// UnpackERC721IncorrectOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721IncorrectOwner(address sender, uint256 tokenId, address owner)
func (registry *Registry) UnpackERC721IncorrectOwnerError(raw []byte) (*RegistryERC721IncorrectOwner, error) {
	out := new(RegistryERC721IncorrectOwner)
	if err := registry.abi.UnpackIntoInterface(out, "ERC721IncorrectOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryERC721InsufficientApproval represents a ERC721InsufficientApproval error raised by the Registry contract.
type RegistryERC721InsufficientApproval struct {
	Operator common.Address
	TokenId  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InsufficientApproval(address operator, uint256 tokenId)
func RegistryERC721InsufficientApprovalErrorID() common.Hash {
	return common.HexToHash("0x177e802f6f313bc89797ecace66d6d29ab4719cbaaacbb87367264048b1eb861")
}

// UnpackERC721InsufficientApprovalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InsufficientApproval(address operator, uint256 tokenId)
func (registry *Registry) UnpackERC721InsufficientApprovalError(raw []byte) (*RegistryERC721InsufficientApproval, error) {
	out := new(RegistryERC721InsufficientApproval)
	if err := registry.abi.UnpackIntoInterface(out, "ERC721InsufficientApproval", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryERC721InvalidApprover represents a ERC721InvalidApprover error raised by the Registry contract.
type RegistryERC721InvalidApprover struct {
	Approver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidApprover(address approver)
func RegistryERC721InvalidApproverErrorID() common.Hash {
	return common.HexToHash("0xa9fbf51f86b8e03595d59dc726bb10c329bb24f62589be276d8dd193ca0b69ea")
}

// UnpackERC721InvalidApproverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidApprover(address approver)
func (registry *Registry) UnpackERC721InvalidApproverError(raw []byte) (*RegistryERC721InvalidApprover, error) {
	out := new(RegistryERC721InvalidApprover)
	if err := registry.abi.UnpackIntoInterface(out, "ERC721InvalidApprover", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryERC721InvalidOperator represents a ERC721InvalidOperator error raised by the Registry contract.
type RegistryERC721InvalidOperator struct {
	Operator common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidOperator(address operator)
func RegistryERC721InvalidOperatorErrorID() common.Hash {
	return common.HexToHash("0x5b08ba185e8f577075361f3a3555a6580a227ce22734dcc979c1aeadf894658b")
}

// UnpackERC721InvalidOperatorError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidOperator(address operator)
func (registry *Registry) UnpackERC721InvalidOperatorError(raw []byte) (*RegistryERC721InvalidOperator, error) {
	out := new(RegistryERC721InvalidOperator)
	if err := registry.abi.UnpackIntoInterface(out, "ERC721InvalidOperator", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryERC721InvalidOwner represents a ERC721InvalidOwner error raised by the Registry contract.
type RegistryERC721InvalidOwner struct {
	Owner common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidOwner(address owner)
func RegistryERC721InvalidOwnerErrorID() common.Hash {
	return common.HexToHash("0x89c62b6479af2e623826dcc39c5133061d35b66d72de92833401dd2fd6567480")
}

// UnpackERC721InvalidOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidOwner(address owner)
func (registry *Registry) UnpackERC721InvalidOwnerError(raw []byte) (*RegistryERC721InvalidOwner, error) {
	out := new(RegistryERC721InvalidOwner)
	if err := registry.abi.UnpackIntoInterface(out, "ERC721InvalidOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryERC721InvalidReceiver represents a ERC721InvalidReceiver error raised by the Registry contract.
type RegistryERC721InvalidReceiver struct {
	Receiver common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidReceiver(address receiver)
func RegistryERC721InvalidReceiverErrorID() common.Hash {
	return common.HexToHash("0x64a0ae9278f805eaf991dcd18ca78756d280b7508b764ef1b255c55845c11df9")
}

// UnpackERC721InvalidReceiverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidReceiver(address receiver)
func (registry *Registry) UnpackERC721InvalidReceiverError(raw []byte) (*RegistryERC721InvalidReceiver, error) {
	out := new(RegistryERC721InvalidReceiver)
	if err := registry.abi.UnpackIntoInterface(out, "ERC721InvalidReceiver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryERC721InvalidSender represents a ERC721InvalidSender error raised by the Registry contract.
type RegistryERC721InvalidSender struct {
	Sender common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721InvalidSender(address sender)
func RegistryERC721InvalidSenderErrorID() common.Hash {
	return common.HexToHash("0x73c6ac6e10798e95d99e1f130d923eb40193ecb8d094ec3dce93292564eb3b17")
}

// UnpackERC721InvalidSenderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721InvalidSender(address sender)
func (registry *Registry) UnpackERC721InvalidSenderError(raw []byte) (*RegistryERC721InvalidSender, error) {
	out := new(RegistryERC721InvalidSender)
	if err := registry.abi.UnpackIntoInterface(out, "ERC721InvalidSender", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryERC721NonexistentToken represents a ERC721NonexistentToken error raised by the Registry contract.
type RegistryERC721NonexistentToken struct {
	TokenId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ERC721NonexistentToken(uint256 tokenId)
func RegistryERC721NonexistentTokenErrorID() common.Hash {
	return common.HexToHash("0x7e273289a3a9ef6670f06df7dca227856fc925e956db96980692764a8bc734d7")
}

// UnpackERC721NonexistentTokenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ERC721NonexistentToken(uint256 tokenId)
func (registry *Registry) UnpackERC721NonexistentTokenError(raw []byte) (*RegistryERC721NonexistentToken, error) {
	out := new(RegistryERC721NonexistentToken)
	if err := registry.abi.UnpackIntoInterface(out, "ERC721NonexistentToken", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryGasTooLowForCallback represents a GasTooLowForCallback error raised by the Registry contract.
type RegistryGasTooLowForCallback struct {
	GasLeft *big.Int
	Needed  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error GasTooLowForCallback(uint256 gasLeft, uint256 needed)
func RegistryGasTooLowForCallbackErrorID() common.Hash {
	return common.HexToHash("0x20e7a8388bd1006d66ed4c1345ff070ca43ad99b0a050e939e4631e6edd89b5c")
}

// UnpackGasTooLowForCallbackError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error GasTooLowForCallback(uint256 gasLeft, uint256 needed)
func (registry *Registry) UnpackGasTooLowForCallbackError(raw []byte) (*RegistryGasTooLowForCallback, error) {
	out := new(RegistryGasTooLowForCallback)
	if err := registry.abi.UnpackIntoInterface(out, "GasTooLowForCallback", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryJobNotOpen represents a JobNotOpen error raised by the Registry contract.
type RegistryJobNotOpen struct {
	Job    *big.Int
	Status uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error JobNotOpen(uint256 job, uint8 status)
func RegistryJobNotOpenErrorID() common.Hash {
	return common.HexToHash("0xff25178d666b3ecb9c72e5a2a3b3e0edc2dffacdc3c112b173dee3b4a4d2abb4")
}

// UnpackJobNotOpenError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error JobNotOpen(uint256 job, uint8 status)
func (registry *Registry) UnpackJobNotOpenError(raw []byte) (*RegistryJobNotOpen, error) {
	out := new(RegistryJobNotOpen)
	if err := registry.abi.UnpackIntoInterface(out, "JobNotOpen", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryModelIsRetired represents a ModelIsRetired error raised by the Registry contract.
type RegistryModelIsRetired struct {
	Model *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ModelIsRetired(uint256 model)
func RegistryModelIsRetiredErrorID() common.Hash {
	return common.HexToHash("0xecd6cde85ada7b64ab15fa253c01f33c05aa1abc10a70573a30e5e97809ab2ff")
}

// UnpackModelIsRetiredError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ModelIsRetired(uint256 model)
func (registry *Registry) UnpackModelIsRetiredError(raw []byte) (*RegistryModelIsRetired, error) {
	out := new(RegistryModelIsRetired)
	if err := registry.abi.UnpackIntoInterface(out, "ModelIsRetired", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryNotInField represents a NotInField error raised by the Registry contract.
type RegistryNotInField struct {
	What string
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotInField(string what)
func RegistryNotInFieldErrorID() common.Hash {
	return common.HexToHash("0x5c0d2370649f57f37e5e9e900ceda20b090e22d16765ac11f0177c77a4a18b50")
}

// UnpackNotInFieldError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotInField(string what)
func (registry *Registry) UnpackNotInFieldError(raw []byte) (*RegistryNotInField, error) {
	out := new(RegistryNotInField)
	if err := registry.abi.UnpackIntoInterface(out, "NotInField", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryNotModelHolder represents a NotModelHolder error raised by the Registry contract.
type RegistryNotModelHolder struct {
	Model  *big.Int
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotModelHolder(uint256 model, address caller)
func RegistryNotModelHolderErrorID() common.Hash {
	return common.HexToHash("0x68e980a0b8651875b66599af1d94f669898674b8b5ce10d625a07fa5fa02a35f")
}

// UnpackNotModelHolderError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotModelHolder(uint256 model, address caller)
func (registry *Registry) UnpackNotModelHolderError(raw []byte) (*RegistryNotModelHolder, error) {
	out := new(RegistryNotModelHolder)
	if err := registry.abi.UnpackIntoInterface(out, "NotModelHolder", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryNothingToWithdraw represents a NothingToWithdraw error raised by the Registry contract.
type RegistryNothingToWithdraw struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NothingToWithdraw(address account)
func RegistryNothingToWithdrawErrorID() common.Hash {
	return common.HexToHash("0xdc69dc16e4a8405b44139edda9a06ee66b303337358b6f4633533d65de15b7f4")
}

// UnpackNothingToWithdrawError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NothingToWithdraw(address account)
func (registry *Registry) UnpackNothingToWithdrawError(raw []byte) (*RegistryNothingToWithdraw, error) {
	out := new(RegistryNothingToWithdraw)
	if err := registry.abi.UnpackIntoInterface(out, "NothingToWithdraw", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryProofRejected represents a ProofRejected error raised by the Registry contract.
type RegistryProofRejected struct {
	Job *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ProofRejected(uint256 job)
func RegistryProofRejectedErrorID() common.Hash {
	return common.HexToHash("0xc4abe6c685219dade23ca08ea316ea9c38314a8dee5bf0b11af51d4a7b88dd44")
}

// UnpackProofRejectedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ProofRejected(uint256 job)
func (registry *Registry) UnpackProofRejectedError(raw []byte) (*RegistryProofRejected, error) {
	out := new(RegistryProofRejected)
	if err := registry.abi.UnpackIntoInterface(out, "ProofRejected", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryReentrancy represents a Reentrancy error raised by the Registry contract.
type RegistryReentrancy struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error Reentrancy()
func RegistryReentrancyErrorID() common.Hash {
	return common.HexToHash("0xab143c06c9772d69bbbc9f2fe74acd02f810e93b099f3d1dac8448ac9ae35991")
}

// UnpackReentrancyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error Reentrancy()
func (registry *Registry) UnpackReentrancyError(raw []byte) (*RegistryReentrancy, error) {
	out := new(RegistryReentrancy)
	if err := registry.abi.UnpackIntoInterface(out, "Reentrancy", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryRoyaltyTooHigh represents a RoyaltyTooHigh error raised by the Registry contract.
type RegistryRoyaltyTooHigh struct {
	RoyaltyBps uint16
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error RoyaltyTooHigh(uint16 royaltyBps)
func RegistryRoyaltyTooHighErrorID() common.Hash {
	return common.HexToHash("0xa6f9fd48ea2244f3455e2fd7825ba49d51e8038095014a79f24cadbb05ef7039")
}

// UnpackRoyaltyTooHighError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error RoyaltyTooHigh(uint16 royaltyBps)
func (registry *Registry) UnpackRoyaltyTooHighError(raw []byte) (*RegistryRoyaltyTooHigh, error) {
	out := new(RegistryRoyaltyTooHigh)
	if err := registry.abi.UnpackIntoInterface(out, "RoyaltyTooHigh", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryTransferFailed represents a TransferFailed error raised by the Registry contract.
type RegistryTransferFailed struct {
	Account common.Address
	Amount  *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TransferFailed(address account, uint256 amount)
func RegistryTransferFailedErrorID() common.Hash {
	return common.HexToHash("0x1c43b9761b3fba5321ca8212bfc231945f668ccc0c446f333999eea9ce8fda81")
}

// UnpackTransferFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TransferFailed(address account, uint256 amount)
func (registry *Registry) UnpackTransferFailedError(raw []byte) (*RegistryTransferFailed, error) {
	out := new(RegistryTransferFailed)
	if err := registry.abi.UnpackIntoInterface(out, "TransferFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryUnknownJob represents a UnknownJob error raised by the Registry contract.
type RegistryUnknownJob struct {
	Job *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownJob(uint256 job)
func RegistryUnknownJobErrorID() common.Hash {
	return common.HexToHash("0x510aa5f06826d740de587fc177250838c7f20674aef37603d5ab5f52cef91ae8")
}

// UnpackUnknownJobError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownJob(uint256 job)
func (registry *Registry) UnpackUnknownJobError(raw []byte) (*RegistryUnknownJob, error) {
	out := new(RegistryUnknownJob)
	if err := registry.abi.UnpackIntoInterface(out, "UnknownJob", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryUnknownModel represents a UnknownModel error raised by the Registry contract.
type RegistryUnknownModel struct {
	Model *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownModel(uint256 model)
func RegistryUnknownModelErrorID() common.Hash {
	return common.HexToHash("0x2380022d955c9d9f2011291f12230d2200b459ca8f2d07a27d4410c88f1ada5e")
}

// UnpackUnknownModelError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownModel(uint256 model)
func (registry *Registry) UnpackUnknownModelError(raw []byte) (*RegistryUnknownModel, error) {
	out := new(RegistryUnknownModel)
	if err := registry.abi.UnpackIntoInterface(out, "UnknownModel", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// RegistryWrongPayment represents a WrongPayment error raised by the Registry contract.
type RegistryWrongPayment struct {
	Sent  *big.Int
	Price *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WrongPayment(uint256 sent, uint256 price)
func RegistryWrongPaymentErrorID() common.Hash {
	return common.HexToHash("0x0dd32d1c3ef0af2f42e38a7f633c5c154da0aa1d3a58e8dcd04bcd6fb310ac9d")
}

// UnpackWrongPaymentError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WrongPayment(uint256 sent, uint256 price)
func (registry *Registry) UnpackWrongPaymentError(raw []byte) (*RegistryWrongPayment, error) {
	out := new(RegistryWrongPayment)
	if err := registry.abi.UnpackIntoInterface(out, "WrongPayment", raw); err != nil {
		return nil, err
	}
	return out, nil
}
