/** Moved to the contract shared with the mini-program; import from '@yilin/contract'. */
export * from '@yilin/contract';
