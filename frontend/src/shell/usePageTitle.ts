import { useDocumentTitle } from '@mantine/hooks';

/** "Customers · Tollgate": the browser tab and history say where the clerk is. */
export function usePageTitle(title: string | undefined) {
  useDocumentTitle(title ? `${title} · Tollgate` : 'Tollgate');
}
