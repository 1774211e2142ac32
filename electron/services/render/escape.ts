// The render's blocks and pages escape exactly as the tracker's pages do: one function for both.
export { escapeHtml } from '../../../tracker/pages/html';
