// GraphiQL on this service's /graphql. A file of its own rather than an inline script: the
// Content-Security-Policy lets a page run only the scripts the service serves.
(function () {
  'use strict';

  const endpoint = new URL('/graphql', window.location.href).toString();
  const defaultQuery = `# cluster-graph: industrial clusters across the lists.
# Run with the pink button or Ctrl-Enter; the Docs panel
# describes every field, the README has more examples.
#
# 仙桃's 无纺布 cluster, on the Hubei and MIIT 2024 lists:
{
  cluster(id: "Cluster:f22e831ce54e") {
    name
    regions { code name ancestors { name } }
    industries { code name }
    listings {
      program { name }
      year
      rank
      nameAsListed
      source { document line }
    }
  }
  programs { key name issuer years clusterCount }
}
`;
  ReactDOM.createRoot(document.getElementById('graphiql')).render(
    React.createElement(GraphiQL, {
      fetcher: GraphiQL.createFetcher({ url: endpoint }),
      defaultQuery: defaultQuery,
      defaultEditorToolsVisibility: true,
    }),
  );
})();
