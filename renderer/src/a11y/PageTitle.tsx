import { Title } from '@mantine/core';
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** Marks the one heading per page that navigation moves focus to (see useHeadingFocus). */
export const PAGE_HEADING_ATTRIBUTE = 'data-page-heading';

/**
 * The page's one <h1> (looks like the former order-2 titles) and the window title:
 * "Versturen – Jouw waardebon – Winkelpost" for documentTitle ['Versturen', 'Jouw waardebon'].
 * Without documentTitle a plain-text heading is the window title.
 */
export function PageTitle({
  children,
  documentTitle,
}: {
  children: ReactNode;
  documentTitle?: string[];
}) {
  const own = documentTitle ?? (typeof children === 'string' ? [children] : []);
  useDocumentTitle(own);
  return (
    <Title order={1} size="h2" tabIndex={-1} {...{ [PAGE_HEADING_ATTRIBUTE]: '' }}>
      {children}
    </Title>
  );
}

/** Sets document.title to the parts followed by the product name, joined by an en dash. */
export function useDocumentTitle(parts: string[]): void {
  const { t } = useTranslation();
  const key = parts.join('\u0000');
  useEffect(() => {
    const product = t('documentTitle.product');
    document.title = [...key.split('\u0000').filter(Boolean), product].join(' – ');
  }, [key, t]);
}
