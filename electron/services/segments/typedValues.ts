/**
 * The typed cells of segments as the import reaches them: the typing rules (cellTypes.ts) and the
 * writing of `contact_fields` (store/typedCells.ts), under the one name the import's files use.
 */
export { isCondition, lowered, slotColumns, typedValue } from './cellTypes';
export type { ColumnInfo, SelectionColumns } from './cellTypes';
export { columnsOf, copyTypedCells, TypedCells, type CellSource } from './store/typedCells';
