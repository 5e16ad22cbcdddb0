"""The original design's Python client, unchanged but for the exit after a few messages when asked.

    pip install websockets        # or: apt install python3-websockets
    python3 docs/examples/python_client.py            # runs until Ctrl-C
    python3 docs/examples/python_client.py 3          # stops after 3 messages
"""
import asyncio
import json
import sys

import websockets


async def connect_websocket(limit=None):
    uri = "ws://localhost:8000/ws?client_name=python_client"

    async with websockets.connect(uri) as websocket:
        print("Conectado al servidor")
        received = 0

        # Recibir mensajes
        async for message in websocket:
            data = json.loads(message)

            if data["type"] == "connection_ack":
                print(f"Conexión confirmada: {data['client_id']}")

            elif data["type"] == "new_hand":
                print(f"Nueva mano: {data['hand_id']}")
                print(f"Resultado: {data['hero_result']}")

            elif data["type"] == "heartbeat":
                print("Heartbeat recibido")

            received += 1
            if limit is not None and received >= limit:
                return


asyncio.run(connect_websocket(int(sys.argv[1]) if len(sys.argv) > 1 else None))
