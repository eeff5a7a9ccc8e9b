"""Cross-cutting helpers with no knowledge of the domain: paths, logging, i18n."""
