"""The safety phrase: a few words both partners see, worked out from both public keys.

The two public keys are put in a fixed order (the smaller byte string first) and
hashed with SHA-256 under a label of its own; each of the first ``WORDS`` bytes
of the digest picks one of 256 words of our own. Both partners therefore see the
same words whoever asks, and a public key swapped by the server (a person in the
middle) gives other words: the two compare them in person once. Eight words
from 256 are 64 bits: finding a key of one's own whose phrase matches would take
about 2^63 tries.
"""

from __future__ import annotations

from nearer.vault.keys import fingerprint

__all__ = ["WORDS", "WORD_LIST", "safety_phrase"]

WORDS = 8

# Our own list: 256 plain, concrete English words, none a form of another, so they
# are easy to say aloud and hard to mishear.
# fmt: off
WORD_LIST: tuple[str, ...] = (
    "acorn", "amber", "anchor", "apple", "april", "arrow", "autumn", "badge", "bakery",
    "bamboo", "banjo", "barley", "basket", "beach", "beacon", "bean", "bell", "berry",
    "bicycle", "birch", "biscuit", "blanket", "blossom", "boat", "bonnet", "border", "bottle",
    "branch", "bread", "breeze", "brick", "bridge", "brook", "broom", "bubble", "bucket",
    "bundle", "butter", "button", "cabin", "cactus", "camel", "candle", "canoe", "canyon",
    "carpet", "carrot", "castle", "cedar", "cellar", "chalk", "cherry", "chestnut", "chimney",
    "cider", "cinnamon", "circle", "clover", "cloud", "coast", "cobble", "cocoa", "comet",
    "compass", "copper", "coral", "cotton", "cradle", "crane", "crayon", "creek", "cricket",
    "crown", "cushion", "daisy", "dawn", "desert", "diamond", "dolphin", "donkey", "dove",
    "dragon", "drum", "dune", "eagle", "echo", "elbow", "ember", "engine", "falcon", "feather",
    "fern", "fiddle", "field", "fig", "flame", "flute", "forest", "fossil", "fountain", "fox",
    "garden", "garlic", "ginger", "glacier", "glove", "goose", "granite", "grape", "harbor",
    "harvest", "hazel", "heron", "hill", "honey", "horizon", "island", "ivory", "jacket",
    "jasmine", "jelly", "jigsaw", "kettle", "kite", "ladder", "lagoon", "lantern", "lemon",
    "lily", "linen", "lion", "lobster", "locket", "maple", "marble", "meadow", "melon",
    "mirror", "mitten", "moon", "moss", "mountain", "muffin", "needle", "nest", "nutmeg",
    "oak", "ocean", "olive", "onion", "orange", "orchard", "otter", "owl", "paddle", "palace",
    "panda", "paper", "parrot", "pasta", "peach", "pebble", "pepper", "piano", "pillow",
    "pine", "planet", "plum", "pocket", "pond", "poppy", "potato", "puddle", "pumpkin",
    "quilt", "rabbit", "radish", "rain", "raven", "reed", "ribbon", "river", "robin", "rocket",
    "rose", "saddle", "saffron", "sail", "salmon", "sandal", "scarf", "seashell", "shadow",
    "sheep", "shore", "silver", "sketch", "sled", "snow", "sofa", "sparrow", "spice", "spoon",
    "spring", "squirrel", "star", "stone", "straw", "stream", "sugar", "summer", "sunset",
    "swan", "teapot", "thistle", "thunder", "tiger", "timber", "toast", "tomato", "torch",
    "tower", "tulip", "tunnel", "turtle", "valley", "velvet", "violin", "wagon", "walnut",
    "water", "wave", "whale", "wheat", "whistle", "willow", "window", "winter", "wizard",
    "wool", "yarn", "zebra", "almond", "badger", "beetle", "bison", "cabbage", "canary",
    "cobalt", "daffodil", "fennel", "gravel", "hammock", "lark", "lettuce", "mango",
)


def safety_phrase(first: bytes | memoryview, second: bytes | memoryview) -> tuple[str, ...]:
    """Return the words for two public keys: the same for either order."""
    digest = fingerprint(first, second)
    return tuple(WORD_LIST[byte] for byte in digest[:WORDS])
