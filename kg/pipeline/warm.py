"""Imported by the fork server that ingest's and extract's workers fork from: the extractor and the shapes are loaded
once there (seconds: spaCy's rules, the segmenter's dictionary), so every worker starts ready to read."""

import gc

gc.disable()  # the imports too make objects that live as long as the server (`reader.collector_paused`)
try:
    from kg.pipeline.reader import warm_up

    warm_up()
except Exception:  # a server that cannot warm up still forks workers: they load on their first document, and fail there with a message
    pass
finally:
    gc.freeze()
    gc.enable()  # in the server and in every worker forked from it
