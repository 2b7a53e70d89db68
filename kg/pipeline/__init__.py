"""The pipeline: documents (or curated facts) in, validated named graphs out, written through one writer."""
