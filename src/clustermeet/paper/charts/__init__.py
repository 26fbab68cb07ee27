"""The paper's charts as SVG, drawn on the server with no Django and no third-party library:
`bars` (answers with percentages, countries, rankings, ratings), `wordcloud`, `eumap`, on the
small writer `svg`. Each chart returns `svg.Chart` (markup, size, the boxes of its texts)."""
