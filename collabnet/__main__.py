"""``python -m collabnet``: the same command line as the ``collabnet`` script."""

from collabnet.cli import main

if __name__ == "__main__":
    main()
