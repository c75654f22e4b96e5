"""collabnet: network analysis of actor collaboration graphs in the Brussels health and welfare sector.

The pipeline is dataset -> graph -> analyses -> renderers -> CLI:

>>> import collabnet
>>> ds = collabnet.load("datasets/brussels")          # doctest: +SKIP
>>> ds.graph.number_of_nodes() > 0                   # doctest: +SKIP
True
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__", "load"]


def load(path, at=None):
    """Read, validate and build the actor graph of a dataset.

    Parameters
    ----------
    path : str or os.PathLike
        A folder of CSV files or an ``.xlsx`` workbook (see datasets/FORMAT.md).
    at : datetime.date or str, optional
        Analysis date (``YYYY-MM-DD``); memberships and ties count on that day.
        Default: today.

    Returns
    -------
    collabnet.dataset.Dataset
        The validated tables (pandas DataFrames), the problems found and the graph.

    Raises
    ------
    collabnet.errors.DatasetError
        When the dataset cannot be used as a whole.
    """
    from collabnet.dataset import load_dataset

    return load_dataset(path, at=at)
