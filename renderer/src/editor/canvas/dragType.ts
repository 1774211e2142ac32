/** What a dragged block carries (its id), so a drop from elsewhere is ignored. */
export const DRAG_TYPE = 'application/x-winkelpost-block';
