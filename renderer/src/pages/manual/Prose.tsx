import { Stack, Text, Title } from '@mantine/core';
import type { ProseDocument } from './prose';

/** A parsed manual or agreement: headings and paragraphs, plain text only. */
export function Prose({ doc, headingOrder = 3 }: { doc: ProseDocument; headingOrder?: 3 | 4 }) {
  return (
    <Stack gap="md">
      {doc.sections.map((section, i) => (
        <section key={`${section.heading ?? ''}-${i}`}>
          {section.heading && (
            <Title order={headingOrder} mb={4}>
              {section.heading}
            </Title>
          )}
          {section.paragraphs.map((paragraph, j) => (
            <Text key={j} mb="xs">
              {paragraph}
            </Text>
          ))}
        </section>
      ))}
    </Stack>
  );
}
