import { Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';

/**
 * The frame of a card on the account page: a bordered section named by its title, the title, a
 * short description and the content. SectionCard puts its save form inside; cards whose buttons
 * act at once (DKIM, sender verification) use it as it is.
 */
export function SectionFrame(props: {
  title: string;
  description?: string | undefined;
  testId: string;
  children: ReactNode;
}) {
  return (
    <Card
      withBorder
      padding="lg"
      component="section"
      aria-label={props.title}
      data-testid={props.testId}
    >
      <Stack gap="sm">
        <div>
          <Title order={3} size="h4">
            {props.title}
          </Title>
          {props.description && (
            <Text size="sm" c="dimmed">
              {props.description}
            </Text>
          )}
        </div>
        {props.children}
      </Stack>
    </Card>
  );
}
