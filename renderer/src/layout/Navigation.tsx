import { NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { href, matchPath } from '../router';
import { routes, type NavSection } from '../routes';

const SECTIONS: (NavSection | null)[] = [null, 'mailings', 'contacts', 'other'];

function isActive(routePath: string, path: string): boolean {
  if (routePath === '/') return path === '/';
  return matchPath(routePath, path) !== null || path.startsWith(`${routePath}/`);
}

export function Navigation({ path }: { path: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap="md" component="nav" aria-label={t('nav.label')}>
      {SECTIONS.map((section) => {
        const items = routes.filter((r) => r.nav && r.nav.section === section);
        if (items.length === 0) return null;
        return (
          <div key={section ?? 'home'}>
            {section && (
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
                {t(`nav.sections.${section}`)}
              </Text>
            )}
            {items.map((route) => (
              <NavLink
                key={route.path}
                href={href(route.path)}
                label={t(route.nav!.labelKey)}
                active={isActive(route.path, path)}
                aria-current={isActive(route.path, path) ? 'page' : undefined}
              />
            ))}
          </div>
        );
      })}
    </Stack>
  );
}
