import { useTranslation } from 'react-i18next';
import classes from './SkipLink.module.css';
import { focusPageHeading } from './useHeadingFocus';

/**
 * "Naar inhoud": the first Tab stop, past the header and the menu to the page heading. The app
 * routes by the address's #, so the link moves focus itself instead of following its href.
 */
export function SkipLink({ mainId }: { mainId: string }) {
  const { t } = useTranslation();
  return (
    <a
      className={classes.skipLink}
      href={`#${mainId}`}
      onClick={(event) => {
        event.preventDefault();
        const main = document.getElementById(mainId);
        if (main && !focusPageHeading(main)) main.focus();
      }}
    >
      {t('skipLink')}
    </a>
  );
}
