"""The engine: packs loaded and validated (safeyaml, schema, registry, packs,
patterns), rules applied to a document round by round (prefilter, matching, context, apply,
kinds/), the surviving lines rendered (render), and the pipeline that runs it all."""
